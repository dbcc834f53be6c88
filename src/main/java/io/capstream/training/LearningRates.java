package io.capstream.training;

import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;

/** The learning-rate schedules of a run, as DJL {@link Tracker}s of the global step. */
final class LearningRates {
    private LearningRates() {}

    /**
     * Linear warm-up from 0, then the configured decay down to {@code final fraction × peak} at the
     * last step.
     */
    static Tracker main(TrainerConfig c) {
        return warmUp(c.learningRate(), c.warmUpSteps(), decay(c, c.learningRate()));
    }

    /** The CLUB estimator: the same warm-up, then constant (it must keep tracking the encoder). */
    static Tracker estimator(TrainerConfig c) {
        float lr = c.estimatorLearningRate();
        return warmUp(lr, c.warmUpSteps(), Tracker.fixed(lr));
    }

    private static Tracker decay(TrainerConfig c, float peak) {
        int span = Math.max(1, c.steps() - c.warmUpSteps());
        float end = peak * c.finalLearningRateFraction();
        switch (c.decay()) {
            case COSINE:
                return Tracker.cosine()
                        .setBaseValue(peak)
                        .optFinalValue(end)
                        .setMaxUpdates(span)
                        .build();
            case LINEAR:
                // DJL's LinearTracker takes a slope, not an end value
                return step -> peak + (end - peak) * Math.min(1f, (float) step / span);
            default:
                return Tracker.fixed(peak);
        }
    }

    private static Tracker warmUp(float peak, int steps, Tracker main) {
        if (steps == 0) {
            return main;
        }
        return Tracker.warmUp()
                .optWarmUpBeginValue(0f)
                .optWarmUpSteps(steps)
                .optWarmUpMode(WarmUpTracker.Mode.LINEAR)
                .setMainTracker(main)
                .build();
    }
}
