package io.capstream.model.bottleneck;

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

class VariationalHeadTest {

    @Test
    void shouldReturnMeanAtInferenceAndSampleInTraining() {
        try (NDManager m = NDManager.newBaseManager()) {
            VariationalHead head = new VariationalHead(6);
            head.initialize(m, DataType.FLOAT32, new Shape(2, 3, 6));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(2, 3, 6));
            Gaussian inference = head.forward(ps, x, false);
            assertEquals(new Shape(2, 3, 6), inference.sample().getShape());
            assertArrayEquals(inference.mean().toFloatArray(), inference.sample().toFloatArray());
            assertArrayEquals(
                    inference.sample().toFloatArray(),
                    head.forward(ps, x, false).sample().toFloatArray()); // deterministic
            Gaussian training = head.forward(ps, x, true);
            assertArrayEquals(
                    inference.mean().toFloatArray(), training.mean().toFloatArray(), 1e-6f);
            assertFalse(
                    Arrays.equals(
                            training.mean().toFloatArray(), training.sample().toFloatArray()));
        }
    }
}
