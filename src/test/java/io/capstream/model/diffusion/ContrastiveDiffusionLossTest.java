package io.capstream.model.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContrastiveDiffusionLossTest {
    private static final int[][] CAPTIONS = {{3, 4, 0, 0}, {5, 6, 7, 0}, {8, 2, 0, 0}};

    @Test
    void shouldPreferPredictionOfOwnCaptionOverAnotherCaption() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            ContrastiveDiffusionLoss loss =
                    new ContrastiveDiffusionLoss(ModelTesting.tiny(ModelConfig.Task.DECIDER));
            NDArray table = m.randomNormal(new Shape(ModelTesting.VOCAB, 8));
            NDArray ids = m.create(CAPTIONS);
            NDArray x0 = ids.oneHot(ModelTesting.VOCAB).matMul(table); // (3, 4, 8)
            NDArray order = m.create(new long[] {1, 2, 0});
            NDArray wrong = x0.get(new NDIndex("{}", order)); // each predicts another caption
            float right = loss.loss(x0, x0, table, ids, CAPTIONS).getFloat();
            float mixedUp = loss.loss(x0, wrong, table, ids, CAPTIONS).getFloat();
            assertTrue(right < mixedUp, right + " vs " + mixedUp);
            assertTrue(Float.isFinite(right) && right >= 0f);
        }
    }

    @Test
    void shouldIgnoreIdenticalCaptionAsNegativeWhenBatchRepeatsIt() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            ModelConfig naive =
                    ModelTesting.tiny(ModelConfig.Task.DECIDER, Map.of("pos", false, "neg", false));
            ContrastiveDiffusionLoss loss = new ContrastiveDiffusionLoss(naive);
            int[][] twice = {{3, 4, 0, 0}, {3, 4, 0, 0}};
            NDArray table = m.randomNormal(new Shape(ModelTesting.VOCAB, 8));
            NDArray ids = m.create(twice);
            NDArray x0 = ids.oneHot(ModelTesting.VOCAB).matMul(table);
            // only the positive itself is left: softmax over one logit
            assertEquals(0f, loss.loss(x0, x0, table, ids, twice).getFloat(), 1e-6f);
        }
    }

    @Test
    void shouldSendGradientOnlyThroughPrediction() {
        try (NDManager m = NDManager.newBaseManager()) {
            ContrastiveDiffusionLoss loss =
                    new ContrastiveDiffusionLoss(ModelTesting.tiny(ModelConfig.Task.DECIDER));
            NDArray table = m.randomNormal(new Shape(ModelTesting.VOCAB, 8));
            NDArray ids = m.create(CAPTIONS);
            NDArray x0 = ids.oneHot(ModelTesting.VOCAB).matMul(table);
            NDArray pred = x0.add(m.randomNormal(x0.getShape()));
            x0.setRequiresGradient(true);
            pred.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(loss.loss(x0, pred, table, ids, CAPTIONS));
                assertEquals(0f, x0.getGradient().abs().sum().getFloat(), 0f);
                assertTrue(pred.getGradient().abs().sum().getFloat() > 0f);
            }
        }
    }
}
