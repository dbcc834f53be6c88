package io.capstream.model.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.model.ModelConfig.Schedule;
import org.junit.jupiter.api.Test;

class NoiseScheduleTest {

    @Test
    void shouldFollowDiffusionLmFormulaWhenSqrt() {
        NoiseSchedule s = new NoiseSchedule(Schedule.SQRT, 1f);
        assertEquals(1 - Math.sqrt(1e-4), s.alphaBar(0f), 1e-6);
        assertEquals(1 - Math.sqrt(0.25 + 1e-4), s.alphaBar(0.25f), 1e-6);
        assertEquals(1e-4, s.alphaBar(1f), 1e-9); // clamped
    }

    @Test
    void shouldDecreaseFromOneWhenCosine() {
        NoiseSchedule s = new NoiseSchedule(Schedule.COSINE, 1f);
        assertEquals(1.0, s.alphaBar(0f), 1e-6);
        float previous = 2f;
        for (int i = 0; i <= 20; i++) {
            float a = s.alphaBar(i / 20f);
            assertTrue(a < previous || a == 1e-4f, "not decreasing at " + i);
            previous = a;
        }
    }

    @Test
    void shouldAddNoiseWhenEnhancementAboveOne() {
        NoiseSchedule plain = new NoiseSchedule(Schedule.SQRT, 1f);
        NoiseSchedule enhanced = new NoiseSchedule(Schedule.SQRT, 2f);
        assertEquals(plain.alphaBar(0f), enhanced.alphaBar(0f), 1e-6);
        for (float t : new float[] {0.01f, 0.1f, 0.3f, 0.6f}) {
            assertTrue(enhanced.alphaBar(t) < plain.alphaBar(t), "t = " + t);
        }
    }

    @Test
    void shouldReproduceBaseScheduleWhenEnhancementIsBarelyAboveOne() {
        NoiseSchedule plain = new NoiseSchedule(Schedule.COSINE, 1f);
        NoiseSchedule table = new NoiseSchedule(Schedule.COSINE, 1.000001f);
        for (float t = 0f; t <= 1f; t += 0.05f) {
            assertEquals(plain.alphaBar(t), table.alphaBar(t), 2e-4, "t = " + t);
        }
    }
}
