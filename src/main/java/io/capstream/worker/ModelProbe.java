package io.capstream.worker;

import io.capstream.model.CaptionInput;
import io.capstream.model.Captioner;
import io.capstream.model.GeneratedCaption;
import io.capstream.model.image.ModelImage;
import java.util.List;

/**
 * One call of a model on a blank input (a black image, or a pair of them): warms a model up before
 * it serves (the first call is several times slower) and checks that a newly loaded model gives a
 * sane answer before it is swapped in.
 */
final class ModelProbe {
    private ModelProbe() {}

    /** A blank input of the kind and size the model takes. */
    static CaptionInput blankInput(Captioner.ModelInfo info) {
        int size = info.imageSize();
        ModelImage blank = new ModelImage(size, new float[3 * size * size], size, size);
        return info.pairs() ? new CaptionInput.Pair(blank, blank) : new CaptionInput.Single(blank);
    }

    /**
     * Captions a blank input and checks the answer.
     *
     * @return the caption
     * @throws IllegalStateException naming what is wrong with the answer (no caption, several, an
     *     empty caption, a blank word, or a confidence that is not a probability, as NaN weights
     *     give)
     * @throws RuntimeException whatever the model throws
     */
    static GeneratedCaption check(Captioner model) {
        List<GeneratedCaption> out = model.caption(List.of(blankInput(model.info())));
        if (out == null || out.size() != 1) {
            throw new IllegalStateException(
                    "gave "
                            + (out == null ? "no list" : out.size() + " captions")
                            + " for 1 input");
        }
        GeneratedCaption c = out.get(0);
        if (c.tokens().isEmpty()) {
            // Every training caption has a word: an empty one means the weights are broken.
            throw new IllegalStateException("gave an empty caption");
        }
        for (int i = 0; i < c.tokens().size(); i++) {
            String word = c.tokens().get(i);
            if (word == null || word.isBlank()) {
                throw new IllegalStateException("gave a blank word at position " + i);
            }
            if (!isProbability(c.tokenConfidences()[i])) {
                throw new IllegalStateException(
                        "gave word '"
                                + word
                                + "' a confidence of "
                                + c.tokenConfidences()[i]
                                + ", not a probability");
            }
        }
        if (!isProbability(c.score())) {
            throw new IllegalStateException("gave a caption score of " + c.score());
        }
        return c;
    }

    private static boolean isProbability(float p) {
        return p >= 0f && p <= 1f; // false for NaN
    }
}
