package io.capstream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.training.TrainingSample;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {
    private static TrainingSample sample(String id, String caption) {
        return new TrainingSample(id, 1, List.of(new byte[3]), List.of(caption));
    }

    private static List<String> ids(ReplayWindow w) {
        return w.snapshot().stream().map(TrainingSample::id).toList();
    }

    @Test
    void shouldEvictOldestWhenFull() {
        ReplayWindow w = new ReplayWindow(3);
        for (String id : List.of("a", "b", "c", "d", "e")) {
            w.add(sample(id, "x"));
        }
        assertEquals(List.of("c", "d", "e"), ids(w));
        assertEquals(3, w.size());
        assertEquals(2, w.evicted());
        assertFalse(w.contains("a"));
    }

    @Test
    void shouldReplaceAndRenewWhenIdIsAddedAgain() {
        ReplayWindow w = new ReplayWindow(3);
        assertTrue(w.add(sample("a", "old")));
        w.add(sample("b", "x"));
        assertFalse(w.add(sample("a", "new")));
        assertEquals(List.of("b", "a"), ids(w));
        assertEquals(List.of("new"), w.snapshot().get(1).captions());
        // "b" is now the oldest, so it goes first
        w.add(sample("c", "x"));
        w.add(sample("d", "x"));
        assertEquals(List.of("a", "c", "d"), ids(w));
    }

    @Test
    void shouldKeepSnapshotWhenWindowChangesLater() {
        ReplayWindow w = new ReplayWindow(2);
        w.add(sample("a", "x"));
        List<TrainingSample> snap = w.snapshot();
        w.add(sample("b", "x"));
        w.add(sample("c", "x"));
        assertEquals(1, snap.size());
        assertEquals("a", snap.get(0).id());
    }

    @Test
    void shouldRejectCapacityBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(0));
    }
}
