package io.capstream.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeciderModelTest {
    private static final int B = 6;

    private static NDList pairs(NDManager m, int batch) {
        return new NDList(
                ModelTesting.images(m, batch, 16, 1), ModelTesting.images(m, batch, 16, 2));
    }

    @Test
    void shouldLowerTotalLossWhenTrainingMainAndEstimatorParameters() {
        try (NDManager m = NDManager.newBaseManager()) {
            CaptioningModel model =
                    ModelTesting.model(ModelTesting.tiny(ModelConfig.Task.DECIDER), m);
            float[] loss =
                    IbaCdModelTest.train(model, m, pairs(m, B), ModelTesting.captions(B, 6, 3), 15);
            assertTrue(loss[1] < 0.8f * loss[0], "loss " + loss[0] + " → " + loss[1]);
        }
    }

    @Test
    void shouldSplitParametersWhenEstimatorHasItsOwnOptimizer() {
        try (NDManager m = NDManager.newBaseManager()) {
            CaptioningModel model =
                    ModelTesting.model(ModelTesting.tiny(ModelConfig.Task.DECIDER), m);
            Set<Parameter> main = identities(model.mainParameters());
            Set<Parameter> estimator = identities(model.estimatorParameters());
            assertEquals(4 * 2, estimator.size()); // 4 Linear layers (weight, bias)
            assertTrue(Collections.disjoint(main, estimator));
            assertEquals(model.getParameters().size(), main.size() + estimator.size());
        }
    }

    @Test
    void shouldRouteClubGradientsOnlyToTheirOwnSide() {
        try (NDManager m = NDManager.newBaseManager()) {
            DeciderModel model =
                    (DeciderModel)
                            ModelTesting.model(ModelTesting.tiny(ModelConfig.Task.DECIDER), m);
            ParameterStore ps = new ParameterStore(m, false);
            NDList images = pairs(m, B);
            int[][] caps = ModelTesting.captions(B, 6, 4);
            ParameterList encoder = model.pairEncoder().getParameters();
            ParameterList psi = model.estimatorParameters();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                LossTerms terms = model.lossTerms(ps, images, caps, true);
                gc.backward(terms.get(LossTerms.CLUB).add(terms.get(LossTerms.SKL))); // ψ frozen
                assertEquals(0f, gradientSum(psi), 0f);
                assertTrue(gradientSum(encoder) > 0f);
                gc.zeroGradients();
                gc.backward(model.lossTerms(ps, images, caps, true).get(LossTerms.CLUB_ESTIMATOR));
                assertTrue(gradientSum(psi) > 0f);
                assertEquals(0f, gradientSum(encoder), 0f);
                gc.zeroGradients();
            }
        }
    }

    @Test
    void shouldComputePairMemoryOnceWhenCaptioning() {
        try (NDManager m = NDManager.newBaseManager()) {
            DeciderModel model =
                    (DeciderModel)
                            ModelTesting.model(ModelTesting.tiny(ModelConfig.Task.DECIDER), m);
            long before = model.pairEncoder().vision().forwardCount();
            Captions out = model.caption(new ParameterStore(m, false), pairs(m, B));
            assertEquals(1, model.pairEncoder().vision().forwardCount() - before);
            assertEquals(B, out.size());
        }
    }

    @ParameterizedTest
    @CsvSource({
        "'', infonce club skl kl club_estimator ce reg cd",
        "ib=false, ce reg cd",
        "pos=false;neg=false, infonce club skl kl club_estimator ce reg",
        "neg=false, infonce club skl kl club_estimator ce reg cd",
        "alphaClub=0, infonce skl kl club_estimator ce reg cd",
        "alphaClub=0;sklMode=modalities, infonce skl kl ce reg cd",
        "alphaSkl=0, infonce club kl club_estimator ce reg cd",
        "generator=autoregressive;pos=false;neg=false, infonce club skl kl club_estimator ce"
    })
    void shouldOmitTermsWhenSwitchedOff(String overrides, String expected) {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, String> o = new java.util.HashMap<>();
            for (String kv : overrides.isEmpty() ? new String[0] : overrides.split(";")) {
                o.put(kv.split("=")[0], kv.split("=")[1]);
            }
            CaptioningModel model =
                    ModelTesting.model(ModelTesting.tiny(ModelConfig.Task.DECIDER, o), m);
            LossTerms terms =
                    model.lossTerms(
                            new ParameterStore(m, false),
                            pairs(m, 4),
                            ModelTesting.captions(4, 6, 1),
                            true);
            assertEquals(List.of(expected.split(" ")), List.copyOf(terms.names()));
            assertTrue(Float.isFinite(terms.total().getFloat()));
            assertFalse(terms.toFloats().values().stream().anyMatch(v -> v.isNaN()));
        }
    }

    private static Set<Parameter> identities(ParameterList list) {
        Set<Parameter> set = Collections.newSetFromMap(new IdentityHashMap<>());
        list.values().forEach(set::add);
        return set;
    }

    private static float gradientSum(ParameterList params) {
        float sum = 0f;
        for (Pair<String, Parameter> p : params) {
            try (var g = p.getValue().getArray().getGradient()) {
                sum += g.abs().sum().getFloat();
            }
        }
        return sum;
    }
}
