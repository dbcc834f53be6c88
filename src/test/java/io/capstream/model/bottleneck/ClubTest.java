package io.capstream.model.bottleneck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import io.capstream.model.ModelTesting;
import org.junit.jupiter.api.Test;

class ClubTest {
    private static final int B = 128;
    private static final int D = 4;

    /** Fits q_ψ on (x, y) with Adam, then returns the CLUB estimate. */
    private static float fittedBound(NDManager m, NDArray x, NDArray y) {
        Engine.getInstance().setRandomSeed(3);
        Club club = new Club(D);
        club.initialize(m, DataType.FLOAT32, new Shape(B, D), new Shape(B, D));
        ParameterStore ps = new ParameterStore(m, false);
        Optimizer adam = ModelTesting.adam(0.05f);
        for (int step = 0; step < 80; step++) {
            try (NDManager batch = m.newSubManager();
                    GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                batch.tempAttachAll(x, y);
                gc.backward(club.learningLoss(ps, x, y));
            }
            ModelTesting.update(adam, club.getParameters());
        }
        return club.upperBound(ps, x, y).getFloat();
    }

    @Test
    void shouldEstimateMoreInformationWhenSamplesAreDependent() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            NDArray x = m.randomNormal(new Shape(B, D));
            NDArray dependent = x.add(m.randomNormal(new Shape(B, D)).mul(0.1f));
            NDArray independent = m.randomNormal(new Shape(B, D));
            float high = fittedBound(m, x, dependent);
            float low = fittedBound(m, x, independent);
            // y = x + 0.1ε: E_j(y_j − μ_i)² ≈ 2 vs (y_i − μ_i)² ≈ 0.01 per dim, σ² ≥ e^{-1}
            assertTrue(high > 4f, "dependent estimate " + high);
            assertTrue(Math.abs(low) < 0.6f, "independent estimate " + low);
        }
    }

    @Test
    void shouldSendGradientOnlyToInputsWhenBoundIsMinimised() {
        try (NDManager m = NDManager.newBaseManager()) {
            Club club = new Club(D);
            club.initialize(m, DataType.FLOAT32, new Shape(B, D), new Shape(B, D));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(8, D));
            NDArray y = x.add(1f);
            x.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(club.upperBound(ps, x, y));
                for (Pair<String, Parameter> p : club.getParameters()) {
                    NDArray g = p.getValue().getArray().getGradient();
                    assertEquals(0f, g.abs().sum().getFloat(), 0f, p.getKey());
                }
                assertTrue(x.getGradient().abs().sum().getFloat() > 0f);
            }
        }
    }
}
