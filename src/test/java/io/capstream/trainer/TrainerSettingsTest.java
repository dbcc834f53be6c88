package io.capstream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigLoader;
import io.capstream.util.UserInputException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerSettingsTest {
    private static TrainerSettings settings(String... overrides) {
        return TrainerSettings.of(ConfigLoader.builder().optOverrides(List.of(overrides)).build());
    }

    private static String error(String override) {
        return assertThrows(
                        UserInputException.class,
                        () -> ConfigLoader.builder().optOverride(override).build())
                .getMessage();
    }

    @Test
    void shouldTrainBothModelsWithDefaultsWhenNothingIsSet() {
        TrainerSettings s = TrainerSettings.of(CapstreamConfig.defaults());
        assertEquals(List.of("iba-cd", "decider"), s.models());
        assertEquals("capstream.trainer", s.groupId());
        assertEquals(256, s.roundMinEvents());
        assertEquals(Duration.ofMinutes(10), s.roundMaxWait());
        assertEquals(0.1, s.validationFraction());
        assertEquals(0.0, s.minImprovement());
        assertFalse(s.publishAlways());
    }

    @Test
    void shouldReadEveryTrainerKeyWhenSet() {
        TrainerSettings s =
                settings(
                        "topic.prefix=x.",
                        "trainer.models=decider",
                        "trainer.round.min.events=5",
                        "trainer.round.max.wait.ms=1500",
                        "trainer.round.steps=7",
                        "trainer.batch.size=4",
                        "trainer.learning.rate=1e-4",
                        "trainer.replay.capacity=50",
                        "trainer.validation.fraction=0.25",
                        "trainer.validation.max.samples=9",
                        "trainer.publish.min.improvement=-0.05",
                        "trainer.publish.always=true");
        assertEquals(List.of("decider"), s.models());
        assertEquals("x.trainer", s.groupId());
        assertEquals(5, s.roundMinEvents());
        assertEquals(Duration.ofMillis(1500), s.roundMaxWait());
        assertEquals(7, s.roundSteps());
        assertEquals(4, s.batchSize());
        assertEquals(1e-4f, s.learningRate());
        assertEquals(50, s.replayCapacity());
        assertEquals(0.25, s.validationFraction());
        assertEquals(9, s.validationMaxSamples());
        assertEquals(-0.05, s.minImprovement());
        assertTrue(s.publishAlways());
        assertEquals("g", settings("trainer.group.id=g").groupId());
    }

    @Test
    void shouldStopStartUpNamingTheKeyWhenValueIsBad() {
        for (String bad :
                List.of(
                        "trainer.models=decider,foo",
                        "trainer.models=decider,decider",
                        "trainer.models=",
                        "trainer.validation.fraction=0.9",
                        "trainer.validation.fraction=abc",
                        "trainer.publish.min.improvement=NaN",
                        "trainer.round.steps=0",
                        "trainer.batch.size=1",
                        "trainer.publish.always=yes")) {
            String key = bad.substring(0, bad.indexOf('='));
            String message = error(bad);
            assertTrue(message.contains("'" + key + "'"), bad + " -> " + message);
        }
        assertTrue(error("trainer.round.min.event=3").contains("trainer.round.min.events"));
    }
}
