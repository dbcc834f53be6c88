package io.capstream.trainer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PublishDecisionTest {
    private static PublishDecision decide(double before, double after, double min) {
        return PublishDecision.decide(
                OptionalDouble.of(before), OptionalDouble.of(after), min, false);
    }

    @Test
    void shouldPublishWhenScoreIsEqualOrBetter() {
        assertTrue(decide(0.8, 0.8, 0).publish());
        assertTrue(decide(0.8, 0.81, 0).publish());
        assertTrue(decide(0.8, 0.8 + 1e-12, 0).publish());
        assertTrue(decide(0.8, 0.8 - 1e-12, 0).publish(), "metric noise below the tolerance");
    }

    @Test
    void shouldNotPublishWhenScoreDropsAndSayWhy() {
        PublishDecision d = decide(0.8, 0.79, 0);
        assertFalse(d.publish());
        assertTrue(d.reason().contains("0.7900 < 0.8000 + 0.0000"), d.reason());
        assertTrue(d.reason().contains("trainer.publish.min.improvement"), d.reason());
    }

    @Test
    void shouldRequireTheGainWhenMinImprovementIsPositive() {
        assertFalse(decide(0.8, 0.84, 0.05).publish());
        assertTrue(decide(0.8, 0.85, 0.05).publish());
    }

    @Test
    void shouldTolerateLossWhenMinImprovementIsNegative() {
        PublishDecision d = decide(0.8, 0.76, -0.05);
        assertTrue(d.publish());
        assertTrue(d.reason().contains("0.7600 ≥ 0.8000 - 0.0500"), d.reason());
        assertFalse(decide(0.8, 0.74, -0.05).publish());
    }

    @Test
    void shouldPublishWhateverTheScoreWhenAlwaysIsSet() {
        PublishDecision d =
                PublishDecision.decide(OptionalDouble.of(0.9), OptionalDouble.of(0.1), 0, true);
        assertTrue(d.publish());
        assertTrue(d.reason().contains("trainer.publish.always"), d.reason());
        assertTrue(
                PublishDecision.decide(OptionalDouble.empty(), OptionalDouble.empty(), 0, true)
                        .publish());
    }

    @Test
    void shouldNotPublishWhenThereIsNoHeldOutSlice() {
        PublishDecision d =
                PublishDecision.decide(OptionalDouble.empty(), OptionalDouble.empty(), -100, false);
        assertFalse(d.publish());
        assertTrue(d.reason().contains("trainer.validation.fraction"), d.reason());
    }
}
