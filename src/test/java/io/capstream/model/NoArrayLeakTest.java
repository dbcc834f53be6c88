package io.capstream.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Native memory is the classic DJL failure: a long-running worker must not grow its manager. */
class NoArrayLeakTest {

    @ParameterizedTest
    @CsvSource({"iba-cd, diffusion", "decider, diffusion", "iba-cd, autoregressive"})
    void shouldKeepManagedArrayCountWhenCaptioningHundredBatches(String task, String generator) {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig.Task t =
                    task.equals("decider") ? ModelConfig.Task.DECIDER : ModelConfig.Task.IBA_CD;
            CaptioningModel model =
                    ModelTesting.model(ModelTesting.tiny(t, Map.of("generator", generator)), m);
            ParameterStore ps = new ParameterStore(m, false);
            caption(model, ps, m); // warm-up: anything created lazily once is not a leak
            int before = m.getManagedArrays().size();
            for (int i = 0; i < 100; i++) {
                caption(model, ps, m);
            }
            assertEquals(before, m.getManagedArrays().size());
        }
    }

    @ParameterizedTest
    @CsvSource({"iba-cd", "decider"})
    void shouldKeepManagedArrayCountWhenTraining(String task) {
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig.Task t =
                    task.equals("decider") ? ModelConfig.Task.DECIDER : ModelConfig.Task.IBA_CD;
            CaptioningModel model = ModelTesting.model(ModelTesting.tiny(t), m);
            ParameterStore ps = new ParameterStore(m, false);
            Optimizer main = ModelTesting.adam(1e-3f);
            Optimizer estimator = ModelTesting.adam(1e-3f);
            trainStep(model, ps, m, main, estimator);
            int before = m.getManagedArrays().size();
            for (int i = 0; i < 10; i++) {
                trainStep(model, ps, m, main, estimator);
            }
            assertEquals(before, m.getManagedArrays().size());
        }
    }

    private static void caption(CaptioningModel model, ParameterStore ps, NDManager m) {
        try (NDManager batch = m.newSubManager()) {
            NDList images = new NDList();
            for (int i = 0; i < model.imagesPerSample(); i++) {
                images.add(ModelTesting.images(batch, 2, 16, i));
            }
            model.caption(ps, images);
        }
    }

    private static void trainStep(
            CaptioningModel model, ParameterStore ps, NDManager m, Optimizer main, Optimizer est) {
        try (NDManager batch = m.newSubManager();
                GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDList images = new NDList();
            for (int i = 0; i < model.imagesPerSample(); i++) {
                images.add(ModelTesting.images(batch, 4, 16, i));
            }
            NDArray total =
                    model.lossTerms(ps, images, ModelTesting.captions(4, 6, 1), true).total();
            gc.backward(total);
        }
        ModelTesting.update(main, model.mainParameters());
        ModelTesting.update(est, model.estimatorParameters());
    }
}
