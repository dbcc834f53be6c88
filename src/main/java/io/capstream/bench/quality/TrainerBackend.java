package io.capstream.bench.quality;

import io.capstream.model.Captioner;
import io.capstream.model.ModelConfig;
import io.capstream.util.UserInputException;
import java.nio.file.Path;

/**
 * The quality benchmark's link to the product: trains with the project's trainer ({@code
 * io.capstream.training}) and captions with {@code DjlCaptioner}. Until those are part of this
 * build it reports that the benchmark cannot train yet.
 */
public final class TrainerBackend implements VariantTrainer, CaptionerOpener {
    private static final String MISSING =
            "bench quality needs the trainer (io.capstream.training) and DjlCaptioner, which are"
                    + " not in this build yet";

    @Override
    public Path train(
            String name, ModelConfig config, Path datasetDir, int steps, Path checkpointDir) {
        throw new UserInputException(MISSING);
    }

    @Override
    public Captioner open(Path checkpointDir, int samplingSteps) {
        throw new UserInputException(MISSING);
    }
}
