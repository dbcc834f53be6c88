package io.capstream.worker;

import io.capstream.model.Captioner;
import io.capstream.model.DjlCaptioner;
import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import io.capstream.model.text.Vocabulary;
import java.util.List;
import java.util.Map;

/**
 * The captioners the integration tests serve: real DJL models ({@code DjlCaptioner.untrained}) of a
 * tiny config with fresh seeded weights, so the tests run the real inference path in seconds.
 */
public final class TestModels {
    private TestModels() {}

    /**
     * A fresh image model ({@code iba-cd}) and pair model ({@code decider}).
     *
     * @param batchDelayMs how long each model call takes at least (0: as fast as it can)
     */
    public static Map<String, Captioner> create(long batchDelayMs) {
        Vocabulary vocabulary = Vocabulary.build(List.of("a b c d e f g"), 1);
        Captioner images =
                DjlCaptioner.untrained(
                        ModelTesting.tiny(ModelConfig.Task.IBA_CD), vocabulary, "iba-cd", 1, "cpu");
        Captioner pairs =
                DjlCaptioner.untrained(
                        ModelTesting.tiny(ModelConfig.Task.DECIDER),
                        vocabulary,
                        "decider",
                        1,
                        "cpu");
        return Map.of(
                "iba-cd", new SlowCaptioner(images, batchDelayMs),
                "decider", new SlowCaptioner(pairs, batchDelayMs));
    }
}
