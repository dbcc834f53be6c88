package io.capstream.model.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextEncoderTest {

    @Test
    void shouldIgnorePaddingWhenPoolingCaptions() {
        try (NDManager m = NDManager.newBaseManager()) {
            TextEncoder enc = new TextEncoder(ModelTesting.tiny(ModelConfig.Task.IBA_CD), 9);
            enc.initialize(m, DataType.FLOAT32, new Shape(1, 6));
            ParameterStore ps = new ParameterStore(m, false);
            int[][] ids = {{3, 4, 0, 0, 0, 0}, {3, 4, 0, 5, 6, 7}, {3, 5, 0, 0, 0, 0}};
            NDArray pooled = enc.encodePooled(ps, m, ids, false);
            assertEquals(new Shape(3, 16), pooled.getShape());
            assertArrayEquals(pooled.get(0).toFloatArray(), pooled.get(1).toFloatArray(), 1e-5f);
            assertFalse(Arrays.equals(pooled.get(0).toFloatArray(), pooled.get(2).toFloatArray()));
        }
    }
}
