package io.capstream.model.autoregressive;

import io.capstream.model.Captions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search over a left-to-right model, with length normalisation: hypotheses are ranked by
 * {@code log P(y) / |y|^α} where |y| counts the words and the final EOS. Width 1 is greedy
 * decoding. Pure Java: the model is a {@link StepFunction}.
 */
public final class BeamSearch {
    /** One decoding step of the model. */
    public interface StepFunction {
        /**
         * @param inputs (rows, L) decoder inputs: BOS then the words so far (later slots unused)
         * @param position t: predict the word at output position t from inputs[0..t]
         * @return (rows, V) log-probabilities of the next word
         */
        float[][] logProbabilities(int[][] inputs, int position);
    }

    private record Hypothesis(int[] words, float[] probs, double logProb, boolean finished) {
        double score(float alpha) {
            int length = words.length + (finished ? 1 : 0);
            return logProb / Math.pow(Math.max(1, length), alpha);
        }
    }

    private final int width;
    private final float lengthPenalty;
    private final int length;
    private final int bos;

    /**
     * @param width beam width k ≥ 1
     * @param lengthPenalty α ≥ 0
     * @param length L, the maximum number of output positions
     * @param bos the id fed at input position 0
     */
    public BeamSearch(int width, float lengthPenalty, int length, int bos) {
        if (width < 1 || lengthPenalty < 0 || length < 1) {
            throw new IllegalArgumentException(
                    "beam width "
                            + width
                            + ", length penalty "
                            + lengthPenalty
                            + ", length "
                            + length);
        }
        this.width = width;
        this.lengthPenalty = lengthPenalty;
        this.length = length;
        this.bos = bos;
    }

    /**
     * Decodes a batch. Rows {@code b·k … b·k+k−1} of each step belong to sample b.
     *
     * @param batch B
     * @param model the step function over B·k rows
     * @return the best hypothesis of each sample (words without EOS, word probabilities)
     */
    public Captions search(int batch, StepFunction model) {
        List<List<Hypothesis>> alive = new ArrayList<>();
        List<List<Hypothesis>> finished = new ArrayList<>();
        for (int b = 0; b < batch; b++) {
            alive.add(new ArrayList<>(List.of(new Hypothesis(new int[0], new float[0], 0, false))));
            finished.add(new ArrayList<>());
        }
        for (int t = 0; t < length && alive.stream().anyMatch(a -> !a.isEmpty()); t++) {
            float[][] logp = model.logProbabilities(inputs(alive), t);
            for (int b = 0; b < batch; b++) {
                List<Hypothesis> candidates = new ArrayList<>();
                for (int j = 0; j < alive.get(b).size(); j++) {
                    expand(alive.get(b).get(j), logp[b * width + j], candidates);
                }
                candidates.sort(Comparator.comparingDouble(h -> -h.logProb()));
                List<Hypothesis> next = new ArrayList<>();
                for (Hypothesis h : candidates) {
                    if (next.size() == width) {
                        break;
                    }
                    (h.finished() ? finished.get(b) : next).add(h);
                }
                alive.set(b, next);
            }
        }
        int[][] tokens = new int[batch][];
        float[][] probs = new float[batch][];
        for (int b = 0; b < batch; b++) {
            List<Hypothesis> all = new ArrayList<>(finished.get(b));
            all.addAll(alive.get(b));
            Hypothesis best =
                    all.stream().max(Comparator.comparingDouble(h -> h.score(lengthPenalty))).get();
            tokens[b] = best.words();
            probs[b] = best.probs();
        }
        return new Captions(tokens, probs);
    }

    /** Adds the k best continuations of one hypothesis (EOS = id 0 finishes it). */
    private void expand(Hypothesis h, float[] logp, List<Hypothesis> out) {
        Integer[] order = new Integer[logp.length];
        for (int v = 0; v < order.length; v++) {
            order[v] = v;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(v -> -logp[v]));
        for (int r = 0; r < Math.min(width, order.length); r++) {
            int v = order[r];
            double lp = h.logProb() + logp[v];
            if (v == 0) {
                out.add(new Hypothesis(h.words(), h.probs(), lp, true));
            } else {
                int[] w = java.util.Arrays.copyOf(h.words(), h.words().length + 1);
                float[] p = java.util.Arrays.copyOf(h.probs(), h.probs().length + 1);
                w[w.length - 1] = v;
                p[p.length - 1] = (float) Math.exp(logp[v]);
                out.add(new Hypothesis(w, p, lp, false));
            }
        }
    }

    /** (B·k, L) inputs: BOS, then each alive hypothesis' words; empty slots repeat BOS. */
    private int[][] inputs(List<List<Hypothesis>> alive) {
        int[][] rows = new int[alive.size() * width][length];
        for (int b = 0; b < alive.size(); b++) {
            for (int j = 0; j < width; j++) {
                int[] row = rows[b * width + j];
                row[0] = bos;
                if (j < alive.get(b).size()) {
                    int[] w = alive.get(b).get(j).words();
                    System.arraycopy(w, 0, row, 1, Math.min(w.length, length - 1));
                }
            }
        }
        return rows;
    }
}
