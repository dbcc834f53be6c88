package io.capstream.model.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdversarialSamplesTest {
    private static final int V = 12;
    private static final int E = 8;

    private static float roundingNll(NDArray x, NDArray table, NDArray onehot) {
        return x.matMul(table.transpose()).logSoftmax(2).mul(onehot).sum().neg().getFloat();
    }

    @Test
    void shouldKeepTokensForPositiveAndLoseLikelihoodForNegative() {
        for (String step : new String[] {"sign", "l2"}) {
            try (NDManager m = NDManager.newBaseManager()) {
                Engine.getInstance().setRandomSeed(5);
                AdversarialSamples samples =
                        new AdversarialSamples(
                                ModelTesting.tiny(
                                        ModelConfig.Task.DECIDER,
                                        Map.of(
                                                "perturbation",
                                                step,
                                                "epsPos",
                                                0.3,
                                                "epsNeg",
                                                0.3)));
                NDArray table = m.randomNormal(new Shape(V, E));
                NDArray ids = m.create(new int[][] {{3, 4, 5, 0}, {6, 7, 0, 0}});
                NDArray onehot = ids.oneHot(V);
                NDArray x0 = onehot.matMul(table); // (2, 4, e)
                NDArray x0Hat = x0.add(m.randomNormal(x0.getShape()).mul(0.5f));

                NDArray positive = samples.positive(x0, x0Hat, table, onehot, ids);
                long[] decoded = positive.matMul(table.transpose()).argMax(2).toLongArray();
                assertArrayEquals(ids.toType(DataType.INT64, false).toLongArray(), decoded, step);
                assertTrue(positive.sub(x0).abs().sum().getFloat() > 0f, "positive moved: " + step);

                NDArray negative = samples.negative(x0, table, onehot);
                assertTrue(
                        roundingNll(negative, table, onehot) > roundingNll(x0, table, onehot),
                        "negative is less likely: " + step);
            }
        }
    }
}
