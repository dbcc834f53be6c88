package io.capstream.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PreLnTransformerLayerTest {

    private static PreLnTransformerLayer layer(NDManager m, boolean cross) {
        Engine.getInstance().setRandomSeed(7);
        PreLnTransformerLayer layer =
                PreLnTransformerLayer.builder()
                        .setModelDim(8)
                        .setHeads(2)
                        .optCrossAttention(cross)
                        .build();
        layer.initialize(m, DataType.FLOAT32, new Shape(2, 5, 8), new Shape(2, 3, 8));
        return layer;
    }

    @Test
    void shouldKeepSequenceShapeWhenSelfAndCrossAttending() {
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(2, 5, 8));
            NDArray memory = m.randomNormal(new Shape(2, 3, 8));
            assertEquals(
                    new Shape(2, 5, 8),
                    layer(m, false).forward(ps, x, null, null, null, false).getShape());
            assertEquals(
                    new Shape(2, 5, 8),
                    layer(m, true).forward(ps, x, null, memory, null, false).getShape());
        }
    }

    @Test
    void shouldIgnoreMaskedMemorySlotWhenKeyMaskBlocksIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            PreLnTransformerLayer layer = layer(m, true);
            NDArray x = m.randomNormal(new Shape(2, 5, 8));
            NDArray memory = m.randomNormal(new Shape(2, 3, 8));
            boolean[][] valid = {{true, true, false}, {true, true, false}};
            NDArray mask = Masks.keys(m, valid, 5);
            float[] base = layer.forward(ps, x, null, memory, mask, false).toFloatArray();

            NDArray slot2Changed = memory.duplicate();
            slot2Changed.set(new ai.djl.ndarray.index.NDIndex(":, 2, :"), 5f);
            float[] masked = layer.forward(ps, x, null, slot2Changed, mask, false).toFloatArray();
            assertArrayEquals(base, masked, 1e-5f);

            NDArray slot0Changed = memory.duplicate();
            slot0Changed.set(new ai.djl.ndarray.index.NDIndex(":, 0, :"), 5f);
            float[] attended = layer.forward(ps, x, null, slot0Changed, mask, false).toFloatArray();
            assertFalse(Arrays.equals(base, attended));
        }
    }

    @Test
    void shouldRejectHeadsWhenTheyDoNotDivideWidth() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PreLnTransformerLayer.builder().setModelDim(10).setHeads(3).build());
        assertEquals(true, e.getMessage().contains("heads (3)"));
    }
}
