package io.capstream.training;

import io.capstream.model.text.CaptionTokenizer;
import io.capstream.util.UserInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which reference caption a training sample is trained on at each step.
 *
 * <p>{@link #RANDOM} draws one of the sample's references at every step (the papers' recipe).
 * {@link #TYPICAL} always uses the sample's most typical reference: the one whose word bigrams are
 * most frequent over all training references (mean log count, start and end included). A
 * non-autoregressive generator predicts every word at once, so when the references of similar
 * images use different phrasings ("the cube became red", "someone painted the cube red") it learns
 * the per-position mixture and writes hybrids ("the cube painted red became"); training on one
 * consistent phrasing per meaning, as sequence-level distillation does for non-autoregressive
 * translation, removes that ambiguity.
 */
public enum CaptionChoice {
    /** A random reference at every step. */
    RANDOM,
    /** The sample's most typical reference, always. */
    TYPICAL;

    /** Parses random or typical. */
    public static CaptionChoice parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(
                    "caption choice '" + s + "' is not one of random, typical");
        }
    }

    /**
     * For {@link #TYPICAL}: the index of each sample's most typical reference.
     *
     * @param samples the training samples
     * @return one index per sample
     */
    static int[] typical(List<TrainingSample> samples) {
        Map<String, Integer> counts = new HashMap<>();
        for (TrainingSample s : samples) {
            for (String c : s.captions()) {
                for (String bigram : bigrams(c)) {
                    counts.merge(bigram, 1, Integer::sum);
                }
            }
        }
        int[] out = new int[samples.size()];
        for (int i = 0; i < samples.size(); i++) {
            List<String> refs = samples.get(i).captions();
            double best = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < refs.size(); r++) {
                List<String> grams = bigrams(refs.get(r));
                double score = 0;
                for (String g : grams) {
                    score += Math.log(counts.get(g));
                }
                score /= grams.size();
                if (score > best) {
                    best = score;
                    out[i] = r;
                }
            }
        }
        return out;
    }

    private static List<String> bigrams(String caption) {
        List<String> words = new java.util.ArrayList<>();
        words.add("<s>");
        words.addAll(CaptionTokenizer.tokenize(caption));
        words.add("</s>");
        List<String> out = new java.util.ArrayList<>(words.size() - 1);
        for (int i = 0; i + 1 < words.size(); i++) {
            out.add(words.get(i) + " " + words.get(i + 1));
        }
        return out;
    }
}
