package io.capstream.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DJL's PyTorch engine backs arrays made from Java data (and the scalars of {@code x.mul(2f)}) with
 * direct buffers. Once such an array is closed, a garbage collection can free memory that autograd
 * still reads in backward, which silently corrupts gradients. A GC between the forward pass and
 * backward must therefore not change any gradient.
 */
class GarbageCollectionSafetyTest {

    @ParameterizedTest
    @CsvSource({"iba-cd, diffusion", "decider, diffusion", "iba-cd, autoregressive"})
    void shouldGiveSameGradientsWhenGarbageIsCollectedBeforeBackward(
            String task, String generator) {
        ModelConfig.Task t =
                task.equals("decider") ? ModelConfig.Task.DECIDER : ModelConfig.Task.IBA_CD;
        ModelConfig config = ModelTesting.tiny(t, java.util.Map.of("generator", generator));
        assertArrayEquals(gradients(config, false), gradients(config, true));
    }

    private static float[][] gradients(ModelConfig config, boolean collectGarbage) {
        try (NDManager m = NDManager.newBaseManager()) {
            CaptioningModel model = ModelTesting.model(config, m);
            ParameterStore ps = new ParameterStore(m, false);
            try (NDManager batch = m.newSubManager();
                    GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList images = new NDList();
                for (int i = 0; i < model.imagesPerSample(); i++) {
                    images.add(ModelTesting.images(batch, 4, 16, i));
                }
                Engine.getInstance().setRandomSeed(5);
                NDArray total =
                        model.lossTerms(ps, images, ModelTesting.captions(4, 6, 1), true).total();
                if (collectGarbage) {
                    churn();
                }
                gc.backward(total);
                float[][] out = new float[model.getParameters().size()][];
                int i = 0;
                for (Pair<String, Parameter> p : model.getParameters()) {
                    try (NDArray g = p.getValue().getArray().getGradient()) {
                        out[i++] = g.toFloatArray();
                    }
                }
                return out;
            }
        }
    }

    /** Frees unreachable direct buffers and reuses their memory with junk. */
    private static void churn() {
        for (int round = 0; round < 5; round++) {
            System.gc();
            List<ByteBuffer> junk = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(64 + (i % 7) * 256);
                while (b.remaining() >= 4) {
                    b.putFloat(Float.NaN);
                }
                junk.add(b);
            }
        }
    }
}
