package io.capstream.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class IbaCdModelTest {

    @Test
    void shouldRunLossAndCaptionWhenTiny() {
        try (NDManager manager = NDManager.newBaseManager()) {
            ModelConfig config = ModelTesting.tiny(ModelConfig.Task.IBA_CD);
            CaptioningModel model = ModelTesting.model(config, manager);
            ParameterStore ps = new ParameterStore(manager, false);
            try (NDManager batch = manager.newSubManager()) {
                NDArray images = ModelTesting.images(batch, 4, 16, 1);
                int[][] caps = ModelTesting.captions(4, 6, 2);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    LossTerms terms = model.lossTerms(ps, new NDList(images), caps, true);
                    System.out.println(terms);
                    gc.backward(terms.total());
                }
                Captions c = model.caption(ps, new NDList(images));
                assertEquals(4, c.size());
            }
        }
    }
}
