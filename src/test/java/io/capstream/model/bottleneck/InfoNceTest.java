package io.capstream.model.bottleneck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class InfoNceTest {
    private static final int[] DISTINCT = {0, 1, 2, 3};

    @Test
    void shouldEqualLogBatchSizeWhenAllInputsAreIdentical() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray same = m.ones(new Shape(4, 3));
            float loss = InfoNce.symmetric(same, same, 0.1f, DISTINCT).getFloat();
            assertEquals(Math.log(4), loss, 1e-5);
        }
    }

    @Test
    void shouldApproachZeroWhenViewsAreAlignedOrthogonalUnitVectors() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray eye = m.eye(4);
            float tau = 0.05f;
            // each row: −log(e^{1/τ} / (e^{1/τ} + 3·e^0)) = log(1 + 3e^{−1/τ})
            double expected = Math.log(1 + 3 * Math.exp(-1 / tau));
            assertEquals(
                    expected, InfoNce.symmetric(eye, eye.mul(7f), tau, DISTINCT).getFloat(), 1e-6);
            assertEquals(0.0, expected, 1e-7);
        }
    }

    @Test
    void shouldNotPenaliseDuplicateCaptionWhenGroupsMarkThemIdentical() {
        try (NDManager m = NDManager.newBaseManager()) {
            // samples 0 and 1 have the same caption and the same representation
            NDArray a = m.create(new float[] {1, 0, 1, 0, 0, 1}, new Shape(3, 2));
            float tau = 0.1f;
            double e = Math.exp(-1 / tau);
            float unmasked = InfoNce.symmetric(a, a, tau, new int[] {0, 1, 2}).getFloat();
            float masked = InfoNce.symmetric(a, a, tau, new int[] {0, 0, 1}).getFloat();
            // unmasked rows 0, 1: log(2 + e); masked: log(1 + e); row 2: log(1 + 2e) in both
            assertEquals((2 * Math.log(2 + e) + Math.log(1 + 2 * e)) / 3, unmasked, 1e-5);
            assertEquals((2 * Math.log(1 + e) + Math.log(1 + 2 * e)) / 3, masked, 1e-5);
        }
    }

    @Test
    void shouldGroupIdenticalRowsWhenCaptionsRepeat() {
        int[][] caps = {{3, 4, 0}, {5, 0, 0}, {3, 4, 0}, {5, 0, 0}, {6, 0, 0}};
        assertArrayEquals(new int[] {0, 1, 0, 1, 4}, InfoNce.groupsOf(caps));
    }
}
