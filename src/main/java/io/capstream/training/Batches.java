package io.capstream.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.capstream.model.nn.Tensors;
import java.nio.ByteBuffer;
import java.util.List;

/** Turns in-memory samples into the model's (B, 3, H, H) float arrays. */
final class Batches {
    private Batches() {}

    /**
     * The images of a batch: for each of the {@code perSample} image slots, a float32 (B, 3, H, H)
     * array in [0, 1], computed natively from the bytes (so autograd never reads Java memory).
     */
    static NDList images(NDManager manager, List<TrainingSample> batch, int perSample) {
        int b = batch.size();
        int h = batch.get(0).imageSize();
        int pixels = 3 * h * h;
        NDList out = new NDList(perSample);
        for (int k = 0; k < perSample; k++) {
            ByteBuffer bytes = manager.allocateDirect(b * pixels);
            for (TrainingSample s : batch) {
                if (s.images().size() != perSample) {
                    throw new IllegalArgumentException(
                            "sample "
                                    + s.id()
                                    + " has "
                                    + s.images().size()
                                    + " images, model takes "
                                    + perSample);
                }
                bytes.put(s.images().get(k));
            }
            bytes.rewind();
            try (NDArray raw = manager.create(bytes, new Shape(b, 3, h, h), DataType.UINT8);
                    NDArray floats = raw.toType(DataType.FLOAT32, true)) {
                out.add(Tensors.scale(floats, 1f / 255f)); // (B, 3, H, H)
            }
        }
        return out;
    }
}
