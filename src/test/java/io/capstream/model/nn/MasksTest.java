package io.capstream.model.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MasksTest {

    @Test
    void shouldAllowOnlyPastAndPresentKeysWhenCausal() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] mask = Masks.causal(m, 1, 3).toFloatArray();
            assertArrayEquals(new float[] {1, 0, 0, 1, 1, 0, 1, 1, 1}, mask);
        }
    }

    @Test
    void shouldMarkWordsBeforeFirstEosWhenCaptionHasPaddingAndLaterIds() {
        boolean[][] valid = Masks.words(new int[][] {{4, 5, 0, 7}, {0, 0, 0, 0}});
        assertArrayEquals(new boolean[] {true, true, false, false}, valid[0]);
        assertArrayEquals(new boolean[] {true, false, false, false}, valid[1]); // keeps one key
    }

    @Test
    void shouldAverageOnlyValidPositionsWhenPooling() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 5, 100, 100}, new Shape(1, 3, 2));
            float[] pooled =
                    Masks.meanPool(x, new boolean[][] {{true, true, false}}).toFloatArray();
            assertArrayEquals(new float[] {2, 3.5f}, pooled, 1e-6f);
        }
    }
}
