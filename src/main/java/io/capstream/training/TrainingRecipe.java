package io.capstream.training;

import io.capstream.model.ModelConfig;

/**
 * The trainer defaults that go with each model preset: what {@code capstream train --preset P} uses
 * unless an option overrides it.
 *
 * @param steps optimizer steps
 * @param batchSize samples per step
 * @param learningRate peak learning rate
 * @param warmUpSteps linear warm-up steps
 * @param validateEvery validation interval in steps
 * @param captionChoice which reference each sample is trained on
 */
public record TrainingRecipe(
        int steps,
        int batchSize,
        float learningRate,
        int warmUpSteps,
        int validateEvery,
        CaptionChoice captionChoice) {

    /**
     * The recipe of a preset and task.
     *
     * @param preset a {@link ModelConfig#presetNames()} name
     * @param task the task
     * @return the defaults
     */
    public static TrainingRecipe of(String preset, ModelConfig.Task task) {
        if (preset.equals("gpu-base")) {
            // the papers' recipe: a random reference per step
            return new TrainingRecipe(20_000, 64, 5e-4f, 1000, 1000, CaptionChoice.RANDOM);
        }
        // cpu-small: sized to finish in about 15 minutes on 2 CPU cores. Typical references:
        // with random ones the small NAR generator wrote template hybrids (research notes in
        // the training package docs)
        return task == ModelConfig.Task.DECIDER
                ? new TrainingRecipe(3000, 32, 1e-3f, 100, 500, CaptionChoice.TYPICAL)
                : new TrainingRecipe(3000, 32, 1e-3f, 100, 500, CaptionChoice.TYPICAL);
    }

    /** Applies the recipe to a trainer builder (options set later override it). */
    public TrainerConfig.Builder applyTo(TrainerConfig.Builder b) {
        return b.optSteps(steps)
                .optBatchSize(batchSize)
                .optLearningRate(learningRate)
                .optWarmUpSteps(warmUpSteps)
                .optValidateEvery(validateEvery)
                .optCaptionChoice(captionChoice);
    }
}
