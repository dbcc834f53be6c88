package io.capstream.bench;

import io.capstream.model.ModelConfig;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model to time: its config, vocabulary size and where each generator's weights come from.
 *
 * @param name decider or iba-cd
 * @param config the model config
 * @param vocabularySize V
 * @param diffusionWeights weights of the diffusion model
 * @param autoregressiveWeights weights of the autoregressive baseline
 */
public record SpeedSubject(
        String name,
        ModelConfig config,
        int vocabularySize,
        WeightSource diffusionWeights,
        WeightSource autoregressiveWeights) {

    /** V of fresh DECIDER models: the synthetic CLEVR-Change captions' 71 words, EOS and UNK. */
    public static final int DECIDER_VOCABULARY = 73;

    /** V of fresh IBA-CD models: the synthetic toon captions' 100 words, EOS and UNK. */
    public static final int IBA_CD_VOCABULARY = 102;

    /**
     * Fresh seeded weights of a preset.
     *
     * @param task decider or iba-cd
     * @param preset a {@link ModelConfig#preset} name
     * @param overrides config keys to change
     * @param vocabularySize V, or null for the task's default
     * @return the subject
     */
    public static SpeedSubject fresh(
            String task, String preset, Map<String, String> overrides, Integer vocabularySize) {
        ModelConfig.Task t = task(task);
        ModelConfig config = ModelConfig.preset(preset, t).withOverrides(overrides);
        int v =
                vocabularySize != null
                        ? vocabularySize
                        : t == ModelConfig.Task.DECIDER ? DECIDER_VOCABULARY : IBA_CD_VOCABULARY;
        WeightSource w = WeightSource.fresh("fresh seeded weights (untrained), preset " + preset);
        return new SpeedSubject(task, config, v, w, w);
    }

    /**
     * The model a task's shipped checkpoint holds, or fresh weights of the preset without one.
     *
     * @param task decider or iba-cd
     * @param preset preset for fresh weights
     * @param overrides config keys to change
     * @param vocabularySize V for fresh weights, or null
     * @return the subject
     */
    public static SpeedSubject resolve(
            String task, String preset, Map<String, String> overrides, Integer vocabularySize) {
        return fresh(task, preset, overrides, vocabularySize);
    }

    /**
     * A checkpoint directory's model.
     *
     * @param dir the checkpoint
     * @param overrides only sampleSteps, beamWidth, lengthPenalty
     * @return the subject
     */
    public static SpeedSubject checkpoint(Path dir, Map<String, String> overrides) {
        throw new UserInputException(
                "--checkpoint " + dir + ": checkpoint loading is not available in this build yet");
    }

    static ModelConfig.Task task(String name) {
        switch (name) {
            case "decider":
                return ModelConfig.Task.DECIDER;
            case "iba-cd":
                return ModelConfig.Task.IBA_CD;
            default:
                throw new UserInputException(
                        "unknown model '" + name + "' (expected decider or iba-cd)");
        }
    }
}
