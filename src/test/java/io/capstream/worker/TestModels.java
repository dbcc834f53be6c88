package io.capstream.worker;

import io.capstream.model.Captioner;
import java.util.Map;

/**
 * The captioners the integration tests serve: the one place to swap for real DJL models ({@code
 * DjlCaptioner.untrained} with a tiny config) once they are available.
 */
public final class TestModels {
    private TestModels() {}

    /**
     * A fresh image model ({@code iba-cd}) and pair model ({@code decider}).
     *
     * @param batchDelayMs how long each model call takes at least (0: as fast as it can)
     */
    public static Map<String, Captioner> create(long batchDelayMs) {
        FakeCaptioner images = new FakeCaptioner("iba-cd", 1, false);
        FakeCaptioner pairs = new FakeCaptioner("decider", 1, true);
        images.delayMs = batchDelayMs;
        pairs.delayMs = batchDelayMs;
        return Map.of("iba-cd", images, "decider", pairs);
    }
}
