package io.capstream.model.vision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisionEncoderTest {

    private static Shape encode(ModelConfig config) {
        try (NDManager m = NDManager.newBaseManager()) {
            VisionEncoder enc = new VisionEncoder(config);
            int h = config.imageSize();
            enc.initialize(m, DataType.FLOAT32, new Shape(3, 3, h, h));
            return enc.forward(new ParameterStore(m, false), ModelTesting.images(m, 3, h, 1), false)
                    .getShape();
        }
    }

    @Test
    void shouldEmitGridTokensWhenConvStemHalvesFourTimes() {
        ModelConfig c =
                ModelTesting.tiny(ModelConfig.Task.IBA_CD, Map.of("imageSize", 32, "gridSize", 2));
        assertEquals(new Shape(3, 4, 16), encode(c)); // 32 → 16 → 8 → 4 → 2
    }

    @Test
    void shouldEmitPatchTokensWhenPatchStem() {
        ModelConfig c =
                ModelTesting.tiny(
                        ModelConfig.Task.IBA_CD,
                        Map.of("imageSize", 12, "gridSize", 3, "visionStem", "patch"));
        assertEquals(new Shape(3, 9, 16), encode(c));
    }

    @Test
    void shouldCountForwardCallsWhenEncoding() {
        try (NDManager m = NDManager.newBaseManager()) {
            VisionEncoder enc = new VisionEncoder(ModelTesting.tiny(ModelConfig.Task.IBA_CD));
            enc.initialize(m, DataType.FLOAT32, new Shape(1, 3, 16, 16));
            ParameterStore ps = new ParameterStore(m, false);
            enc.forward(ps, ModelTesting.images(m, 2, 16, 1), false);
            enc.forward(ps, ModelTesting.images(m, 2, 16, 2), false);
            assertEquals(2, enc.forwardCount());
        }
    }

    @Test
    void shouldRejectImagesWhenSizeDiffersFromConfig() {
        try (NDManager m = NDManager.newBaseManager()) {
            VisionEncoder enc = new VisionEncoder(ModelTesting.tiny(ModelConfig.Task.IBA_CD));
            enc.initialize(m, DataType.FLOAT32, new Shape(1, 3, 16, 16));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    enc.forward(
                                            new ParameterStore(m, false),
                                            ModelTesting.images(m, 1, 8, 1),
                                            false));
            assertEquals(true, e.getMessage().contains("(B, 3, 16, 16)"));
        }
    }
}
