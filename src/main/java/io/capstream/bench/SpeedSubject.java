package io.capstream.bench;

import ai.djl.ndarray.NDManager;
import io.capstream.model.CaptioningModel;
import io.capstream.model.ModelConfig;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

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

    /** Config keys that only change inference, so a checkpoint can be timed with them changed. */
    public static final Set<String> INFERENCE_KEYS =
            Set.of("sampleSteps", "beamWidth", "lengthPenalty");

    /**
     * The model of a task's shipped checkpoint ({@link ModelStore#shipped()}, its current version),
     * or fresh weights of the preset when none is shipped or {@code fresh} is set.
     *
     * @param task decider or iba-cd
     * @param preset preset for fresh weights
     * @param overrides config keys to change (only {@link #INFERENCE_KEYS} with a checkpoint)
     * @param vocabularySize V for fresh weights, or null
     * @param fresh ignore shipped checkpoints
     * @return the subject
     */
    public static SpeedSubject resolve(
            String task,
            String preset,
            Map<String, String> overrides,
            Integer vocabularySize,
            boolean fresh) {
        task(task);
        ModelStore shipped = ModelStore.shipped();
        if (fresh || shipped.versions(task).isEmpty()) {
            return fresh(task, preset, overrides, vocabularySize);
        }
        if (!INFERENCE_KEYS.containsAll(overrides.keySet())) {
            throw new UserInputException(
                    "--set "
                            + overrides.keySet()
                            + " changes the architecture of the shipped "
                            + task
                            + " checkpoint; add --fresh to time fresh weights instead");
        }
        return checkpoint(shipped.path(task, shipped.current(task)), overrides);
    }

    /**
     * A checkpoint directory's model; the other generator (no weights in the checkpoint) gets fresh
     * weights of the same config.
     *
     * @param dir the checkpoint
     * @param overrides only {@link #INFERENCE_KEYS}
     * @return the subject
     * @throws UserInputException naming the directory or the key
     */
    public static SpeedSubject checkpoint(Path dir, Map<String, String> overrides) {
        for (String key : overrides.keySet()) {
            if (!INFERENCE_KEYS.contains(key)) {
                throw new UserInputException(
                        "--set "
                                + key
                                + " would not fit the weights of checkpoint "
                                + dir
                                + " (allowed: "
                                + INFERENCE_KEYS
                                + ")");
            }
        }
        ModelCheckpoint c = ModelCheckpoint.load(dir);
        ModelConfig config = c.config().withOverrides(overrides);
        Object steps = c.metrics().get("steps");
        String trained =
                "checkpoint "
                        + dir
                        + " ("
                        + c.name()
                        + " v"
                        + c.version()
                        + (steps == null ? "" : ", " + steps + " training steps")
                        + ")";
        WeightSource weights =
                new WeightSource() {
                    @Override
                    public String describe() {
                        return trained;
                    }

                    @Override
                    public CaptioningModel build(ModelConfig cfg, int v, NDManager manager) {
                        return c.loadModel(manager, cfg);
                    }
                };
        boolean diffusion = config.generator() == ModelConfig.Generator.DIFFUSION;
        WeightSource untrained =
                WeightSource.fresh(
                        "fresh seeded weights (untrained: the checkpoint holds "
                                + (diffusion ? "the diffusion model" : "the autoregressive model")
                                + ")");
        String name = config.task() == ModelConfig.Task.DECIDER ? "decider" : "iba-cd";
        return new SpeedSubject(
                name,
                config,
                c.vocabulary().size(),
                diffusion ? weights : untrained,
                diffusion ? untrained : weights);
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
