package io.capstream.model;

import io.capstream.model.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated captions of one batch: the word ids of each caption, cut before its first EOS, and the
 * model's probability of each chosen word (softmax of the final logits at that token).
 *
 * @param tokens (B) rows of word ids, each no longer than L and without EOS
 * @param probabilities (B) rows of the same lengths as {@code tokens}
 */
public record Captions(int[][] tokens, float[][] probabilities) {
    public Captions {
        if (tokens.length != probabilities.length) {
            throw new IllegalArgumentException("tokens and probabilities differ in batch size");
        }
    }

    /** B. */
    public int size() {
        return tokens.length;
    }

    /**
     * The mean word probability of caption b (1 for an empty caption): a simple confidence.
     *
     * @param b the index in the batch
     * @return a value in [0, 1]
     */
    public float confidence(int b) {
        if (probabilities[b].length == 0) {
            return 1f;
        }
        double sum = 0;
        for (float p : probabilities[b]) {
            sum += p;
        }
        return (float) (sum / probabilities[b].length);
    }

    /**
     * The captions as text.
     *
     * @param vocabulary the vocabulary the model was trained with
     * @return (B) captions
     */
    public List<String> decode(Vocabulary vocabulary) {
        List<String> out = new ArrayList<>(tokens.length);
        for (int[] row : tokens) {
            out.add(vocabulary.decode(row));
        }
        return out;
    }

    /**
     * Cuts fixed-length rows at their first EOS (id 0).
     *
     * @param ids (B, L) ids
     * @param probs (B, L) probabilities of those ids
     * @return the cut captions
     */
    public static Captions cutAtEos(int[][] ids, float[][] probs) {
        int[][] tokens = new int[ids.length][];
        float[][] p = new float[ids.length][];
        for (int b = 0; b < ids.length; b++) {
            int n = 0;
            while (n < ids[b].length && ids[b][n] != 0) {
                n++;
            }
            tokens[b] = java.util.Arrays.copyOf(ids[b], n);
            p[b] = java.util.Arrays.copyOf(probs[b], n);
        }
        return new Captions(tokens, p);
    }
}
