package io.capstream.model.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.capstream.model.Captions;
import io.capstream.model.LossTerms;
import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CascadedDiffusionGeneratorTest {

    private static CascadedDiffusionGenerator generator(NDManager m, ModelConfig config) {
        Engine.getInstance().setRandomSeed(4);
        CascadedDiffusionGenerator g = new CascadedDiffusionGenerator(config, ModelTesting.VOCAB);
        g.initialize(m, DataType.FLOAT32, new Shape(1, 4, 16));
        return g;
    }

    @Test
    void shouldReturnLogitsOverVocabularyWhenDenoising() {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig c = ModelTesting.tiny(ModelConfig.Task.IBA_CD);
            Denoiser d = new Denoiser(c, ModelTesting.VOCAB);
            Shape x = new Shape(3, 6, 8);
            d.initialize(m, DataType.FLOAT32, x, x, x, new Shape(3), new Shape(3, 4, 16));
            NDArray logits =
                    d.forward(
                            new ParameterStore(m, false),
                            m.randomNormal(x),
                            m.zeros(x),
                            m.zeros(x),
                            m.create(new float[] {0.1f, 0.5f, 1f}),
                            m.randomNormal(new Shape(3, 4, 16)),
                            false);
            assertEquals(new Shape(3, 6, ModelTesting.VOCAB), logits.getShape());
        }
    }

    @Test
    void shouldSampleValidWordsCutAtFirstEosWhenGenerating() {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig c = ModelTesting.tiny(ModelConfig.Task.IBA_CD, Map.of("sampleSteps", 4));
            CascadedDiffusionGenerator g = generator(m, c);
            assertEquals(2, g.stageCount());
            NDArray memory = m.randomNormal(new Shape(5, 4, 16));
            Captions out = g.generate(new ParameterStore(m, false), memory);
            assertEquals(5, g.generate(new ParameterStore(m, false), memory, 1).size());
            assertEquals(5, out.size());
            for (int b = 0; b < 5; b++) {
                assertEquals(out.tokens()[b].length, out.probabilities()[b].length);
                assertTrue(out.tokens()[b].length <= c.maxLength());
                for (int i = 0; i < out.tokens()[b].length; i++) {
                    int id = out.tokens()[b][i];
                    assertTrue(id >= 1 && id < ModelTesting.VOCAB, "word id " + id);
                    float p = out.probabilities()[b][i];
                    assertTrue(p > 0f && p <= 1f, "probability " + p);
                }
            }
        }
    }

    @Test
    void shouldSumStageLossesAndOmitSwitchedOffTerms() {
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            int[][] caps = ModelTesting.captions(4, 6, 1);
            NDArray memory = m.randomNormal(new Shape(4, 4, 16));
            LossTerms both = new LossTerms();
            generator(m, ModelTesting.tiny(ModelConfig.Task.IBA_CD))
                    .addLosses(both, ps, memory, caps, true);
            assertEquals(java.util.List.of("ce", "reg"), java.util.List.copyOf(both.names()));
            LossTerms regOnly = new LossTerms();
            generator(m, ModelTesting.tiny(ModelConfig.Task.IBA_CD, Map.of("ce", false)))
                    .addLosses(regOnly, ps, memory, caps, true);
            assertEquals(java.util.Set.of("reg"), regOnly.names());
            LossTerms contrastive = new LossTerms();
            generator(m, ModelTesting.tiny(ModelConfig.Task.DECIDER))
                    .addLosses(contrastive, ps, memory, caps, true);
            assertEquals(java.util.Set.of("ce", "reg", "cd"), contrastive.names());
        }
    }

    @Test
    void shouldBlankEverythingAfterFirstEosWhenPreparingCascadeInput() {
        int[][] cut =
                CascadedDiffusionGenerator.cutAfterEos(new int[][] {{3, 0, 4, 5}, {2, 3, 4, 5}});
        assertArrayEquals(new int[] {3, 0, 0, 0}, cut[0]);
        assertArrayEquals(new int[] {2, 3, 4, 5}, cut[1]);
    }
}
