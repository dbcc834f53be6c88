package io.capstream.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TimeEmbeddingTest {

    @Test
    void shouldGiveSinZerosAndCosOnesWhenTimeIsZero() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] s = TimeEmbedding.sinusoid(m.create(new float[] {0f}), 6).toFloatArray();
            assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1}, s, 1e-6f);
        }
    }

    @Test
    void shouldUseThousandTimesTWhenComputingFirstFrequency() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] s = TimeEmbedding.sinusoid(m.create(new float[] {0.001f}), 4).toFloatArray();
            assertEquals(Math.sin(1.0), s[0], 1e-5); // f_0 = 1, 1000 · 0.001 = 1
            assertEquals(Math.cos(1.0), s[2], 1e-5);
        }
    }

    @Test
    void shouldMapEachTimeToItsOwnEmbeddingWhenForwarded() {
        try (NDManager m = NDManager.newBaseManager()) {
            TimeEmbedding emb = new TimeEmbedding(8);
            emb.initialize(m, DataType.FLOAT32, new Shape(2));
            NDArray out =
                    emb.forward(
                            new ParameterStore(m, false),
                            m.create(new float[] {0.1f, 0.9f}),
                            false);
            assertEquals(new Shape(2, 8), out.getShape());
            assertFalse(Arrays.equals(out.get(0).toFloatArray(), out.get(1).toFloatArray()));
        }
    }
}
