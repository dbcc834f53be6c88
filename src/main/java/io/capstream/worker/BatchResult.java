package io.capstream.worker;

import io.capstream.model.Captioner.ModelInfo;
import io.capstream.model.GeneratedCaption;
import java.util.List;

/**
 * Captions for one submitted batch.
 *
 * @param model the model that produced them (name and version at the time of the batch)
 * @param captions one per input, in order
 * @param inferenceMs wall time of the model call
 * @param modelBatchSize inputs in the model call, which may merge batches of several stream tasks
 */
record BatchResult(
        ModelInfo model, List<GeneratedCaption> captions, double inferenceMs, int modelBatchSize) {}
