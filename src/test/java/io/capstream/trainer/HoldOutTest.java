package io.capstream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HoldOutTest {
    @Test
    void shouldHoldOutAboutTheFractionWhenIdsAreMany() {
        for (double fraction : new double[] {0.05, 0.1, 0.25, 0.5}) {
            HoldOut h = new HoldOut(fraction);
            int n = 100_000;
            int held = 0;
            for (int i = 0; i < n; i++) {
                if (h.isHeldOut("event-" + i)) {
                    held++;
                }
            }
            // binomial standard deviation at n = 1e5 is at most 0.0016
            assertEquals(fraction, held / (double) n, 0.008, "fraction " + fraction);
        }
    }

    @Test
    void shouldGiveSameAnswerWhenAskedAgainOrByAnotherInstance() {
        HoldOut a = new HoldOut(0.3);
        HoldOut b = new HoldOut(0.3);
        for (int i = 0; i < 1000; i++) {
            String id = "000" + i + ".png";
            assertEquals(a.isHeldOut(id), b.isHeldOut(id), id);
            assertEquals(a.isHeldOut(id), a.isHeldOut(id), id);
        }
    }

    @Test
    void shouldKeepBucketsWhenCodeChanges() {
        // Pinned values (checked against an independent murmur2): a change of hash would move
        // examples between training and validation of a running trainer, so it must fail here.
        assertEquals(9398, HoldOut.bucket("000000.png"));
        assertEquals(3426, HoldOut.bucket("event-1"));
    }

    @Test
    void shouldHoldOutNothingAtZeroAndEverythingAtOne() {
        HoldOut none = new HoldOut(0);
        HoldOut all = new HoldOut(1);
        for (int i = 0; i < 1000; i++) {
            assertFalse(none.isHeldOut("e" + i));
            assertTrue(all.isHeldOut("e" + i));
        }
    }

    @Test
    void shouldNestSlicesWhenFractionGrows() {
        HoldOut small = new HoldOut(0.1);
        HoldOut large = new HoldOut(0.2);
        for (int i = 0; i < 5000; i++) {
            if (small.isHeldOut("e" + i)) {
                assertTrue(large.isHeldOut("e" + i), "e" + i);
            }
        }
    }

    @Test
    void shouldRejectFractionOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new HoldOut(-0.1));
        assertThrows(IllegalArgumentException.class, () -> new HoldOut(1.5));
        assertThrows(IllegalArgumentException.class, () -> new HoldOut(Double.NaN));
    }
}
