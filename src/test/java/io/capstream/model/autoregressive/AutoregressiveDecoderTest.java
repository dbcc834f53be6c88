package io.capstream.model.autoregressive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import io.capstream.model.Captions;
import io.capstream.model.LossTerms;
import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoregressiveDecoderTest {

    private static AutoregressiveDecoder decoder(NDManager m) {
        Engine.getInstance().setRandomSeed(11);
        ModelConfig c =
                ModelTesting.tiny(ModelConfig.Task.IBA_CD, Map.of("generator", "autoregressive"));
        AutoregressiveDecoder d = new AutoregressiveDecoder(c, ModelTesting.VOCAB);
        d.initialize(m, DataType.FLOAT32, new Shape(1, 4, 16));
        return d;
    }

    @Test
    void shouldNotLetFutureTokensChangeEarlierLogitsWhenCausal() {
        try (NDManager m = NDManager.newBaseManager()) {
            AutoregressiveDecoder d = decoder(m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray memory = m.randomNormal(new Shape(1, 4, 16));
            int[][] a = {{d.bos(), 3, 4, 5, 6, 7}};
            int[][] b = {{d.bos(), 3, 4, 8, 2, 2}}; // differs from position 3 on
            NDArray logitsA = d.logits(ps, a, memory, false);
            assertEquals(new Shape(1, 6, ModelTesting.VOCAB), logitsA.getShape());
            float[] la = logitsA.toFloatArray();
            float[] lb = d.logits(ps, b, memory, false).toFloatArray();
            int v = ModelTesting.VOCAB;
            assertArrayEquals(
                    Arrays.copyOf(la, 3 * v), Arrays.copyOf(lb, 3 * v), 1e-5f); // positions 0..2
            assertFalse(
                    Arrays.equals(
                            Arrays.copyOfRange(la, 3 * v, 4 * v),
                            Arrays.copyOfRange(lb, 3 * v, 4 * v)));
        }
    }

    @Test
    void shouldAgreeBetweenGreedyAndBeamWhenModelIsPeaked() {
        try (NDManager m = NDManager.newBaseManager()) {
            AutoregressiveDecoder d = decoder(m);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray memory = m.randomNormal(new Shape(2, 4, 16));
            int[][] captions = {{3, 4, 5, 0, 0, 0}, {6, 2, 7, 8, 0, 0}};
            Optimizer adam = ModelTesting.adam(0.01f);
            float ce = Float.NaN;
            for (int step = 0; step < 120 && !(ce < 0.01f); step++) {
                try (NDManager batch = m.newSubManager();
                        GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    batch.tempAttachAll(memory);
                    LossTerms terms = new LossTerms();
                    d.addLosses(terms, ps, memory, captions, true);
                    ce = terms.get(LossTerms.CE).getFloat();
                    gc.backward(terms.total());
                }
                ModelTesting.update(adam, d.getParameters());
            }
            assertTrue(ce < 0.05f, "not peaked: CE " + ce);
            Captions greedy = d.decode(ps, memory, 1);
            Captions beam = d.decode(ps, memory, 3);
            for (int b = 0; b < 2; b++) {
                int[] expected = Arrays.copyOf(captions[b], b == 0 ? 3 : 4);
                assertArrayEquals(expected, greedy.tokens()[b]);
                assertArrayEquals(greedy.tokens()[b], beam.tokens()[b]);
                assertTrue(greedy.confidence(b) > 0.9f);
            }
        }
    }
}
