package io.capstream.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.image.ModelImage;
import io.capstream.model.text.Vocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlCaptionerTest {
    private static final int SIZE = 16;

    @TempDir Path tmp;

    /** V = 9: EOS, UNK and seven words. */
    static Vocabulary vocabulary() {
        return Vocabulary.build(List.of("a b c d e f g"), 1);
    }

    static ModelImage image(long seed) {
        Random r = new Random(seed);
        float[] chw = new float[3 * SIZE * SIZE];
        for (int i = 0; i < chw.length; i++) {
            chw[i] = r.nextFloat();
        }
        return new ModelImage(SIZE, chw, SIZE, SIZE);
    }

    static List<CaptionInput> pairs(int n, long seed) {
        List<CaptionInput> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new CaptionInput.Pair(image(seed + 2 * i), image(seed + 2 * i + 1)));
        }
        return out;
    }

    @Test
    void shouldCaptionLikeTheSavedModelWhenCheckpointIsReopened() throws Exception {
        ModelConfig config = ModelTesting.tiny(ModelConfig.Task.DECIDER);
        List<CaptionInput> inputs = pairs(3, 10);
        Path dir = tmp.resolve("decider/v1");
        Captions expected;
        try (NDManager m = NDManager.newBaseManager()) {
            CaptioningModel model = ModelTesting.model(config, m);
            ModelCheckpoint.save(dir, "decider", 1, model, vocabulary(), Map.of("steps", 0));
            NDList images = new NDList();
            for (int k = 0; k < 2; k++) {
                float[] px = new float[3 * 3 * SIZE * SIZE];
                for (int i = 0; i < 3; i++) {
                    CaptionInput.Pair p = (CaptionInput.Pair) inputs.get(i);
                    ModelImage img = k == 0 ? p.before() : p.after();
                    System.arraycopy(img.chw(), 0, px, i * img.chw().length, img.chw().length);
                }
                images.add(m.create(px, new Shape(3, 3, SIZE, SIZE)));
            }
            expected = model.caption(new ParameterStore(m, false), images);
        }
        try (DjlCaptioner c = DjlCaptioner.open(dir, "cpu", 0)) {
            List<GeneratedCaption> got = c.caption(inputs);
            for (int i = 0; i < 3; i++) {
                assertEquals(vocabulary().decode(expected.tokens()[i]), got.get(i).text());
                assertArrayEquals(expected.probabilities()[i], got.get(i).tokenConfidences());
            }
            assertEquals(new Captioner.ModelInfo("decider", 1, true, SIZE, "cpu()"), c.info());
        }
    }

    @Test
    void shouldGiveSameCaptionsWhenBatchedAsWhenCalledOneByOne() {
        for (ModelConfig.Task task : ModelConfig.Task.values()) {
            ModelConfig config = ModelTesting.tiny(task);
            try (DjlCaptioner c = DjlCaptioner.untrained(config, vocabulary(), "m", 1, "auto")) {
                List<CaptionInput> inputs = pairs(5, 3);
                if (task == ModelConfig.Task.IBA_CD) {
                    inputs = new ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        inputs.add(new CaptionInput.Single(image(40 + i)));
                    }
                }
                List<GeneratedCaption> batch = c.caption(inputs);
                for (int i = 0; i < inputs.size(); i++) {
                    GeneratedCaption one = c.caption(List.of(inputs.get(i))).get(0);
                    assertEquals(one.tokens(), batch.get(i).tokens(), task + " input " + i);
                    assertArrayEquals(
                            one.tokenConfidences(), batch.get(i).tokenConfidences(), 1e-4f);
                }
            }
        }
    }

    @Test
    void shouldNameTheProblemWhenInputDoesNotFitModel() {
        ModelConfig config = ModelTesting.tiny(ModelConfig.Task.DECIDER);
        try (DjlCaptioner c = DjlCaptioner.untrained(config, vocabulary(), "decider", 1, "cpu")) {
            IllegalArgumentException kind =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> c.caption(List.of(new CaptionInput.Single(image(1)))));
            assertTrue(kind.getMessage().contains("single image"), kind.getMessage());
            ModelImage big = new ModelImage(32, new float[3 * 32 * 32], 32, 32);
            IllegalArgumentException size =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> c.caption(List.of(new CaptionInput.Pair(big, big))));
            assertTrue(size.getMessage().contains("32x32"), size.getMessage());
            assertEquals(List.of(), c.caption(List.of()));
        }
    }

    @Test
    void shouldUseFewerSamplingStepsWhenOverridden() throws Exception {
        Path dir = tmp.resolve("m");
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig config = ModelTesting.tiny(ModelConfig.Task.IBA_CD);
            ModelCheckpoint.save(
                    dir, "iba-cd", 2, ModelTesting.model(config, m), vocabulary(), Map.of());
        }
        try (DjlCaptioner c = DjlCaptioner.open(dir, "cpu", 1)) {
            assertEquals(1, c.config().sampleSteps());
        }
    }

    @Test
    void shouldKeepManagedArrayCountWhenCaptioningHundredBatches() {
        ModelConfig config = ModelTesting.tiny(ModelConfig.Task.DECIDER);
        try (DjlCaptioner c = DjlCaptioner.untrained(config, vocabulary(), "decider", 1, "cpu")) {
            List<CaptionInput> inputs = pairs(2, 7);
            c.caption(inputs); // warm-up: anything created lazily once is not a leak
            int before = c.manager().getManagedArrays().size();
            for (int i = 0; i < 100; i++) {
                c.caption(inputs);
            }
            assertEquals(before, c.manager().getManagedArrays().size());
        }
    }
}
