package io.capstream.model.bottleneck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class GaussianKlTest {

    @Test
    void shouldBeZeroWhenPosteriorIsStandardNormal() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray zeros = m.zeros(new Shape(4, 3));
            assertEquals(0f, GaussianKl.toStandardNormal(zeros, zeros).getFloat(), 1e-7f);
        }
    }

    @Test
    void shouldMatchClosedFormWhenMeanAndVarianceDiffer() {
        try (NDManager m = NDManager.newBaseManager()) {
            // μ = 1, σ² = e per dimension, 3 dims: ½·3·(1 + e − 1 − 1)
            NDArray mu = m.ones(new Shape(2, 3));
            NDArray logVar = m.ones(new Shape(2, 3));
            double expected = 0.5 * 3 * (1 + Math.E - 1 - 1);
            assertEquals(expected, GaussianKl.toStandardNormal(mu, logVar).getFloat(), 1e-5);
        }
    }

    @Test
    void shouldAgreeWithStandardNormalFormWhenSecondIsStandard() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mu = m.create(new float[] {0.5f, -1f, 2f}, new Shape(1, 3));
            NDArray logVar = m.create(new float[] {0.2f, -0.3f, 0.7f}, new Shape(1, 3));
            NDArray zeros = m.zeros(new Shape(1, 3));
            assertEquals(
                    GaussianKl.toStandardNormal(mu, logVar).getFloat(),
                    GaussianKl.between(mu, logVar, zeros, zeros).getFloat(),
                    1e-5f);
        }
    }

    @Test
    void shouldBeSymmetricAndZeroOnlyForEqualGaussiansWhenSymmetricKl() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mu1 = m.create(new float[] {0f, 1f}, new Shape(1, 2));
            NDArray lv1 = m.create(new float[] {0f, 0.5f}, new Shape(1, 2));
            NDArray mu2 = m.create(new float[] {1f, -1f}, new Shape(1, 2));
            NDArray lv2 = m.create(new float[] {-0.5f, 0f}, new Shape(1, 2));
            float ab = GaussianKl.symmetric(mu1, lv1, mu2, lv2).getFloat();
            float ba = GaussianKl.symmetric(mu2, lv2, mu1, lv1).getFloat();
            assertEquals(ab, ba, 1e-6f);
            assertEquals(0f, GaussianKl.symmetric(mu1, lv1, mu1, lv1).getFloat(), 1e-7f);
            // 1-D check: KL(N(0,1) ‖ N(1,1)) = ½, symmetric also ½
            NDArray z = m.zeros(new Shape(1, 1));
            NDArray one = m.ones(new Shape(1, 1));
            assertEquals(0.5f, GaussianKl.symmetric(z, z, one, z).getFloat(), 1e-6f);
        }
    }
}
