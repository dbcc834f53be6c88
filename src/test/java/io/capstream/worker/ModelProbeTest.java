package io.capstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.model.CaptionInput;
import io.capstream.model.Captioner;
import io.capstream.model.GeneratedCaption;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ModelProbeTest {
    private static Captioner answering(
            boolean pairs, Function<CaptionInput, List<GeneratedCaption>> f) {
        return new Captioner() {
            @Override
            public ModelInfo info() {
                return new ModelInfo("m", 1, pairs, 8, "cpu()");
            }

            @Override
            public List<GeneratedCaption> caption(List<? extends CaptionInput> batch) {
                return f.apply(batch.get(0));
            }

            @Override
            public void close() {}
        };
    }

    private static GeneratedCaption caption(float... conf) {
        List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < conf.length; i++) {
            words.add("w" + i);
        }
        return GeneratedCaption.of(words, conf);
    }

    @Test
    void shouldPassBlankInputOfTheModelsKindAndSizeWhenProbing() {
        GeneratedCaption c =
                ModelProbe.check(
                        answering(
                                true,
                                in -> {
                                    CaptionInput.Pair p = (CaptionInput.Pair) in;
                                    assertEquals(8, p.before().size());
                                    return List.of(caption(0.5f, 1f));
                                }));
        assertEquals("w0 w1", c.text());
        ModelProbe.check(
                answering(
                        false,
                        in -> {
                            assertTrue(in instanceof CaptionInput.Single);
                            return List.of(caption(0.9f));
                        }));
    }

    @Test
    void shouldFailNamingTheProblemWhenAnswerIsNotSane() {
        assertFails(in -> List.of(), "gave 0 captions for 1 input");
        assertFails(in -> List.of(caption(0.5f), caption(0.5f)), "gave 2 captions");
        assertFails(in -> List.of(caption(0.5f, Float.NaN)), "'w1' a confidence of NaN");
        assertFails(in -> List.of(caption(1.5f)), "confidence of 1.5");
        assertFails(
                in -> List.of(GeneratedCaption.of(List.of(" "), new float[] {0.5f})),
                "blank word at position 0");
        assertFails(in -> List.of(GeneratedCaption.of(List.of(), new float[0])), "empty caption");
    }

    private static void assertFails(
            Function<CaptionInput, List<GeneratedCaption>> answer, String problem) {
        IllegalStateException e =
                assertThrows(
                        IllegalStateException.class,
                        () -> ModelProbe.check(answering(true, answer)));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
