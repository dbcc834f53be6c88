package io.capstream.bench.quality;

import io.capstream.model.ModelConfig;
import java.nio.file.Path;

/** Trains one variant of the quality benchmark to a checkpoint. */
@FunctionalInterface
public interface VariantTrainer {

    /**
     * Trains a model from scratch.
     *
     * @param name the model name to record in the checkpoint (e.g. {@code decider})
     * @param config the variant's full config (generator and ablation switches set)
     * @param datasetDir the dataset; training reads its train split (and val for monitoring)
     * @param steps optimizer steps: every variant of a run gets the same budget
     * @param checkpointDir where to write the checkpoint (replaced if present)
     * @return the checkpoint directory
     */
    Path train(String name, ModelConfig config, Path datasetDir, int steps, Path checkpointDir);
}
