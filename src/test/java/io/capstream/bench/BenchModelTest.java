package io.capstream.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capstream.model.Captions;
import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import org.junit.jupiter.api.Test;

class BenchModelTest {

    @Test
    void shouldCaptionEveryRowAndKeepArrayCountWhenRepeated() {
        ModelConfig config = ModelTesting.tiny(ModelConfig.Task.DECIDER);
        try (BenchModel model =
                new BenchModel(config, ModelTesting.VOCAB, WeightSource.fresh("test"))) {
            float[][] pixels = model.inputs(3, 1);
            assertEquals(2, pixels.length); // before and after
            model.caption(pixels, 3); // warm-up: lazily created arrays are not a leak
            int arrays = model.manager().getManagedArrays().size();
            for (int i = 0; i < 5; i++) {
                Captions out = model.caption(pixels, 3);
                assertEquals(3, out.size());
            }
            assertEquals(arrays, model.manager().getManagedArrays().size());
        }
    }

    @Test
    void shouldGiveSameWeightsWhenBuiltTwiceFromFreshSource() {
        ModelConfig config = ModelTesting.tiny(ModelConfig.Task.IBA_CD);
        WeightSource fresh = WeightSource.fresh("test");
        try (BenchModel a = new BenchModel(config, ModelTesting.VOCAB, fresh);
                BenchModel b = new BenchModel(config, ModelTesting.VOCAB, fresh)) {
            float[][] wa = ModelTesting.snapshot(a.model().getParameters());
            float[][] wb = ModelTesting.snapshot(b.model().getParameters());
            assertEquals(wa.length, wb.length);
            for (int i = 0; i < wa.length; i++) {
                assertArrayEquals(wa[i], wb[i], "parameter " + i);
            }
        }
    }
}
