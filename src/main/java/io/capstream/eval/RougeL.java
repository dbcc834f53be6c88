package io.capstream.eval;

import java.util.List;

/**
 * ROUGE-L exactly as pycocoevalcap's {@code Rouge} computes it ({@code rouge/rouge.py}).
 *
 * <p>Tokens come from Python's {@code split(" ")}, so an empty hypothesis is one empty token. For
 * each reference, {@code P = lcs/len(hyp)} and {@code R = lcs/len(ref)}; the maxima of P and of R
 * are taken separately over the references, and the image score is {@code (1+β²)·Pmax·Rmax / (Rmax
 * + β²·Pmax)} with β = 1.2 (0 when either maximum is 0). The corpus score is the mean.
 */
public final class RougeL {
    private static final double BETA = 1.2;

    /** Returns ROUGE-L for the corpus and for each image. */
    public MetricScore score(TokenizedCorpus corpus) {
        double[] perImage = new double[corpus.size()];
        for (int i = 0; i < perImage.length; i++) {
            perImage[i] = score(corpus.hyps().get(i), corpus.refs().get(i));
        }
        return new MetricScore(MetricScore.mean(perImage), perImage);
    }

    /** ROUGE-L of one hypothesis against its references. */
    static double score(String hyp, List<String> refs) {
        List<String> candidate = PyStrings.splitOnSpace(hyp);
        double precisionMax = Double.NEGATIVE_INFINITY;
        double recallMax = Double.NEGATIVE_INFINITY;
        for (String ref : refs) {
            List<String> reference = PyStrings.splitOnSpace(ref);
            int lcs = lcs(reference, candidate);
            precisionMax = Math.max(precisionMax, lcs / (double) candidate.size());
            recallMax = Math.max(recallMax, lcs / (double) reference.size());
        }
        if (precisionMax == 0 || recallMax == 0) {
            return 0.0;
        }
        double beta2 = Math.pow(BETA, 2);
        return ((1 + beta2) * precisionMax * recallMax) / (recallMax + beta2 * precisionMax);
    }

    /** Length of the longest common subsequence of two token lists. */
    static int lcs(List<String> a, List<String> b) {
        int[] previous = new int[b.size() + 1];
        int[] current = new int[b.size() + 1];
        for (String x : a) {
            for (int j = 1; j <= b.size(); j++) {
                current[j] =
                        x.equals(b.get(j - 1))
                                ? previous[j - 1] + 1
                                : Math.max(previous[j], current[j - 1]);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }
}
