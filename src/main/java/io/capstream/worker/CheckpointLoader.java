package io.capstream.worker;

import io.capstream.model.Captioner;
import java.nio.file.Path;

/**
 * Opens a checkpoint directory as a {@link Captioner}; how announced checkpoints become models. The
 * default ({@link CaptionWorkerBuilder}) is {@code DjlCaptioner.open} on {@code model.device} with
 * {@code model.sampling.steps}, which verifies the checkpoint's file hashes, config and parameter
 * shapes.
 */
@FunctionalInterface
public interface CheckpointLoader {
    /**
     * @param checkpointDir the checkpoint directory
     * @return the opened model, owned by the caller
     * @throws RuntimeException (e.g. {@code CheckpointException}) naming the directory and the
     *     problem when it cannot be loaded
     */
    Captioner load(Path checkpointDir);
}
