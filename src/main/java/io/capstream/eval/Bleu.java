package io.capstream.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BLEU-1..4 exactly as pycocoevalcap's {@code Bleu(4)} computes it ({@code bleu_scorer.py}, option
 * {@code closest}).
 *
 * <p>Per image: {@code guess[k] = max(0, testlen - k)}, {@code correct[k]} clips each hypothesis
 * k-gram count by its largest count in any single reference, and the reference length is the
 * closest one, ties going to the shorter. Precisions are smoothed as {@code (correct + 1e-15) /
 * (guess + 1e-9)} and multiplied cumulatively, {@code BLEU-n = (p1 ... pn)^(1/n)}, times the
 * brevity penalty {@code exp(1 - 1/ratio)} when {@code ratio = (testlen + 1e-15) / (reflen + 1e-9)
 * < 1}. The corpus score applies the same formula to counts summed over all images (it is not the
 * mean of the per-image scores, which use each image's own counts).
 */
public final class Bleu {
    static final int N = 4;
    private static final double TINY = 1e-15;
    private static final double SMALL = 1e-9;

    /** Returns BLEU-1..4 (index 0..3) for the corpus and for each image. */
    public List<MetricScore> score(TokenizedCorpus corpus) {
        int images = corpus.size();
        double[][] perImage = new double[N][images];
        long testTotal = 0;
        long refTotal = 0;
        long[] guessTotal = new long[N];
        long[] correctTotal = new long[N];
        for (int i = 0; i < images; i++) {
            Counts c = count(corpus.hyps().get(i), corpus.refs().get(i));
            testTotal += c.testLength;
            refTotal += c.refLength;
            for (int k = 0; k < N; k++) {
                guessTotal[k] += c.guess[k];
                correctTotal[k] += c.correct[k];
            }
            double[] bleu = bleu(c.testLength, c.refLength, c.guess, c.correct);
            for (int k = 0; k < N; k++) {
                perImage[k][i] = bleu[k];
            }
        }
        double[] corpusBleu = bleu(testTotal, refTotal, guessTotal, correctTotal);
        List<MetricScore> out = new ArrayList<>(N);
        for (int k = 0; k < N; k++) {
            out.add(new MetricScore(corpusBleu[k], perImage[k]));
        }
        return out;
    }

    /** The cumulative smoothed BLEU-1..4 with brevity penalty for one set of counts. */
    static double[] bleu(long testLength, long refLength, long[] guess, long[] correct) {
        double[] out = new double[N];
        double product = 1.0;
        for (int k = 0; k < N; k++) {
            product *= (correct[k] + TINY) / (guess[k] + SMALL);
            out[k] = Math.pow(product, 1.0 / (k + 1));
        }
        double ratio = (testLength + TINY) / (refLength + SMALL);
        if (ratio < 1) {
            double penalty = Math.exp(1 - 1 / ratio);
            for (int k = 0; k < N; k++) {
                out[k] *= penalty;
            }
        }
        return out;
    }

    /** The sufficient statistics of one image. */
    static Counts count(String hyp, List<String> refs) {
        NGrams test = NGrams.of(hyp);
        Map<String, Integer> maxRefCounts = new HashMap<>();
        int[] refLengths = new int[refs.size()];
        for (int r = 0; r < refs.size(); r++) {
            NGrams ref = NGrams.of(refs.get(r));
            refLengths[r] = ref.length();
            for (int n = 1; n <= N; n++) {
                ref.order(n).forEach((gram, count) -> maxRefCounts.merge(gram, count, Math::max));
            }
        }
        Counts c = new Counts();
        c.testLength = test.length();
        c.refLength = closest(refLengths, c.testLength);
        for (int k = 0; k < N; k++) {
            c.guess[k] = Math.max(0, c.testLength - k);
            for (Map.Entry<String, Integer> e : test.order(k + 1).entrySet()) {
                c.correct[k] += Math.min(maxRefCounts.getOrDefault(e.getKey(), 0), e.getValue());
            }
        }
        return c;
    }

    /** {@code min((abs(l - testlen), l))[1]}: the closest length, the shorter on a tie. */
    static int closest(int[] refLengths, int testLength) {
        int best = refLengths[0];
        for (int l : refLengths) {
            int d = Math.abs(l - testLength);
            int bestD = Math.abs(best - testLength);
            if (d < bestD || (d == bestD && l < best)) {
                best = l;
            }
        }
        return best;
    }

    static final class Counts {
        int testLength;
        int refLength;
        final long[] guess = new long[N];
        final long[] correct = new long[N];
    }
}
