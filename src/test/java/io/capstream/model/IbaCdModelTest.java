package io.capstream.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IbaCdModelTest {
    private static final int B = 6;

    /** The total loss with all randomness (t, ε, VIB, coins) fixed by one seed. */
    static float seededLoss(CaptioningModel model, ParameterStore ps, NDList images, int[][] caps) {
        Engine.getInstance().setRandomSeed(99);
        try (NDManager scratch = images.head().getManager().newSubManager()) {
            LossTerms terms = model.lossTerms(ps, images, caps, true);
            NDArray total = terms.total();
            total.attach(scratch);
            return total.getFloat();
        }
    }

    /** Runs Adam steps on one batch; returns the seeded loss before and after. */
    static float[] train(
            CaptioningModel model, NDManager m, NDList images, int[][] caps, int steps) {
        ParameterStore ps = new ParameterStore(m, false);
        Optimizer main = ModelTesting.adam(3e-3f);
        Optimizer estimator = ModelTesting.adam(3e-3f);
        float before = seededLoss(model, ps, images, caps);
        for (int step = 0; step < steps; step++) {
            Engine.getInstance().setRandomSeed(1000 + step);
            try (NDManager batch = m.newSubManager();
                    GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                LossTerms terms = model.lossTerms(ps, images, caps, true);
                NDArray total = terms.total();
                total.attach(batch);
                gc.backward(total);
            }
            ModelTesting.update(main, model.mainParameters());
            ModelTesting.update(estimator, model.estimatorParameters());
        }
        return new float[] {before, seededLoss(model, ps, images, caps)};
    }

    @ParameterizedTest
    @CsvSource({"diffusion", "autoregressive"})
    void shouldLowerTotalLossWhenTrainedFewStepsWithAdam(String generator) {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig c =
                    ModelTesting.tiny(ModelConfig.Task.IBA_CD, Map.of("generator", generator));
            CaptioningModel model = ModelTesting.model(c, m);
            NDList images = new NDList(ModelTesting.images(m, B, 16, 1));
            float[] loss = train(model, m, images, ModelTesting.captions(B, 6, 2), 15);
            assertTrue(loss[1] < 0.8f * loss[0], "loss " + loss[0] + " → " + loss[1]);
        }
    }

    @Test
    void shouldGiveSameParametersAndLossesWhenSeedIsSame() {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig c = ModelTesting.tiny(ModelConfig.Task.IBA_CD);
            CaptioningModel a = ModelTesting.model(c, m);
            CaptioningModel b = ModelTesting.model(c, m);
            CaptioningModel other = ModelTesting.model(c.withOverrides(Map.of("seed", 43)), m);
            float[][] pa = ModelTesting.snapshot(a.getParameters());
            assertTrue(Arrays.deepEquals(pa, ModelTesting.snapshot(b.getParameters())));
            assertFalse(Arrays.deepEquals(pa, ModelTesting.snapshot(other.getParameters())));

            ParameterStore ps = new ParameterStore(m, false);
            NDList images = new NDList(ModelTesting.images(m, B, 16, 1));
            int[][] caps = ModelTesting.captions(B, 6, 2);
            assertEquals(seededLoss(a, ps, images, caps), seededLoss(b, ps, images, caps));
        }
    }

    @Test
    void shouldComputeVisualMemoryOnceWhenCaptioning() {
        try (NDManager m = NDManager.newBaseManager()) {
            IbaCdModel model =
                    (IbaCdModel) ModelTesting.model(ModelTesting.tiny(ModelConfig.Task.IBA_CD), m);
            long before = model.vision().forwardCount();
            Captions out =
                    model.caption(
                            new ParameterStore(m, false),
                            new NDList(ModelTesting.images(m, B, 16, 3)));
            assertEquals(1, model.vision().forwardCount() - before); // 2 stages × 3 DDIM steps
            assertEquals(B, out.size());
            for (int[] row : out.tokens()) {
                assertTrue(row.length <= 6);
                assertTrue(Arrays.stream(row).allMatch(id -> id > 0 && id < ModelTesting.VOCAB));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "'', infonce kl ce reg",
        "ib=false, ce reg",
        "beta=0, infonce ce reg",
        "ce=false, infonce kl reg",
        "reg=false, infonce kl ce",
        "generator=autoregressive, infonce kl ce",
        "stages=1, infonce kl ce reg"
    })
    void shouldOmitTermsWhenSwitchedOff(String override, String expected) {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, String> o =
                    override.isEmpty()
                            ? Map.of()
                            : Map.of(override.split("=")[0], override.split("=")[1]);
            CaptioningModel model =
                    ModelTesting.model(ModelTesting.tiny(ModelConfig.Task.IBA_CD, o), m);
            LossTerms terms =
                    model.lossTerms(
                            new ParameterStore(m, false),
                            new NDList(ModelTesting.images(m, 4, 16, 1)),
                            ModelTesting.captions(4, 6, 1),
                            true);
            assertEquals(List.of(expected.split(" ")), List.copyOf(terms.names()));
            assertTrue(Float.isFinite(terms.total().getFloat()));
        }
    }

    @Test
    void shouldCaptionIdenticallyWhenParametersAreLoadedIntoUninitialisedModel() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig c = ModelTesting.tiny(ModelConfig.Task.IBA_CD);
            CaptioningModel a = ModelTesting.model(c, m);
            CaptioningModel b = CaptioningModel.create(c, ModelTesting.VOCAB); // not initialised
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            a.saveParameters(new DataOutputStream(bytes));
            b.loadParameters(m, new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            ParameterStore ps = new ParameterStore(m, false);
            NDList images = new NDList(ModelTesting.images(m, B, 16, 7));
            Engine.getInstance().setRandomSeed(1);
            Captions ca = a.caption(ps, images);
            Engine.getInstance().setRandomSeed(1);
            Captions cb = b.caption(ps, images);
            assertArrayEquals(ca.tokens(), cb.tokens());
        }
    }

    @Test
    void shouldRejectCaptionsWhenLengthDiffersFromConfig() {
        try (NDManager m = NDManager.newBaseManager()) {
            CaptioningModel model =
                    ModelTesting.model(ModelTesting.tiny(ModelConfig.Task.IBA_CD), m);
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    model.lossTerms(
                                            new ParameterStore(m, false),
                                            new NDList(ModelTesting.images(m, 2, 16, 1)),
                                            ModelTesting.captions(2, 5, 1),
                                            true));
            assertTrue(e.getMessage().contains("L = 6"), e.getMessage());
        }
    }
}
