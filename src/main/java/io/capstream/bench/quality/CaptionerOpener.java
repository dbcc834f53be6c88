package io.capstream.bench.quality;

import io.capstream.model.Captioner;
import java.nio.file.Path;

/** Opens a trained checkpoint for captioning. */
@FunctionalInterface
public interface CaptionerOpener {

    /**
     * @param checkpointDir a checkpoint written by a {@link VariantTrainer}
     * @param samplingSteps DDIM steps per stage; 0 = the checkpoint's own
     * @return a captioner; the caller closes it
     */
    Captioner open(Path checkpointDir, int samplingSteps);
}
