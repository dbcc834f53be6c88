package io.capstream.model.vision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import org.junit.jupiter.api.Test;

class PairEncoderTest {

    @Test
    void shouldReturnFourSlotMemoryAndPooledSummariesWhenEncodingPairs() {
        try (NDManager m = NDManager.newBaseManager()) {
            PairEncoder enc = new PairEncoder(ModelTesting.tiny(ModelConfig.Task.DECIDER));
            enc.initialize(m, DataType.FLOAT32, new Shape(1, 3, 16, 16), new Shape(1, 3, 16, 16));
            PairEncoding out =
                    enc.forward(
                            new ParameterStore(m, false),
                            ModelTesting.images(m, 3, 16, 1),
                            ModelTesting.images(m, 3, 16, 2),
                            false);
            assertEquals(new Shape(3, 16, 16), out.memory().getShape()); // 4 slots × N = 4
            for (NDArray pooled :
                    new NDArray[] {out.before(), out.after(), out.difference(), out.pair()}) {
                assertEquals(new Shape(3, 16), pooled.getShape());
            }
            assertEquals(1, enc.vision().forwardCount()); // both images in one siamese call
        }
    }

    @Test
    void shouldSwapUniImageSummariesWhenBeforeAndAfterSwap() {
        try (NDManager m = NDManager.newBaseManager()) {
            PairEncoder enc = new PairEncoder(ModelTesting.tiny(ModelConfig.Task.DECIDER));
            enc.initialize(m, DataType.FLOAT32, new Shape(1, 3, 16, 16), new Shape(1, 3, 16, 16));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray a = ModelTesting.images(m, 2, 16, 1);
            NDArray b = ModelTesting.images(m, 2, 16, 2);
            PairEncoding ab = enc.forward(ps, a, b, false);
            PairEncoding ba = enc.forward(ps, b, a, false);
            assertArrayEquals(ab.before().toFloatArray(), ba.after().toFloatArray(), 1e-5f);
            assertArrayEquals(ab.after().toFloatArray(), ba.before().toFloatArray(), 1e-5f);
        }
    }
}
