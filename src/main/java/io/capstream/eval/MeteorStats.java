package io.capstream.eval;

import static io.capstream.eval.MeteorAlignment.MODULES;

import io.capstream.eval.MeteorAlignment.Match;

/**
 * METEOR 1.5's sufficient statistics for one segment, or summed over a corpus, and the score they
 * give (METEOR's {@code MeteorScorer.computeMetrics}).
 *
 * <p>With content/function weighting δ, module weights w and parameters α, β, γ: {@code P = Σ
 * w·(δ·content + (1−δ)·function matches in the hypothesis) / (δ·content + (1−δ)·function words)}, R
 * likewise for the reference, {@code Fmean = 1 / ((1−α)/P + α/R)}, {@code frag = chunks /
 * mean(matches)} (0 when everything matches in one chunk), and {@code score = Fmean·(1 −
 * γ·frag^β)}, 0 when undefined.
 */
public final class MeteorStats {
    /** English parameters of METEOR 1.5's default (ranking) task. */
    static final double ALPHA = 0.85;

    static final double BETA = 0.20;
    static final double GAMMA = 0.60;
    static final double DELTA = 0.75;

    /** Module weights for scoring: exact, stem, synonym. */
    static final double[] WEIGHTS = {1.0, 0.6, 0.8};

    int testLength;
    int refLength;
    int testFunctionWords;
    int refFunctionWords;
    final int[] testContentMatches = new int[MODULES];
    final int[] refContentMatches = new int[MODULES];
    final int[] testFunctionMatches = new int[MODULES];
    final int[] refFunctionMatches = new int[MODULES];
    int chunks;

    MeteorStats() {}

    /** The statistics of one alignment. */
    static MeteorStats of(MeteorAlignment alignment) {
        MeteorStats s = new MeteorStats();
        s.testLength = alignment.hyp.size();
        s.refLength = alignment.ref.size();
        for (String w : alignment.hyp) {
            s.testFunctionWords += FunctionWords.isFunctionWord(w) ? 1 : 0;
        }
        for (String w : alignment.ref) {
            s.refFunctionWords += FunctionWords.isFunctionWord(w) ? 1 : 0;
        }
        for (Match m : alignment.byRef) {
            if (m == null) {
                continue;
            }
            if (FunctionWords.isFunctionWord(alignment.hyp.get(m.hyp()))) {
                s.testFunctionMatches[m.module()]++;
            } else {
                s.testContentMatches[m.module()]++;
            }
            if (FunctionWords.isFunctionWord(alignment.ref.get(m.ref()))) {
                s.refFunctionMatches[m.module()]++;
            } else {
                s.refContentMatches[m.module()]++;
            }
        }
        s.chunks = alignment.chunks();
        return s;
    }

    /** Adds another segment's statistics (METEOR's {@code addStats}, used by EVAL). */
    void add(MeteorStats o) {
        testLength += o.testLength;
        refLength += o.refLength;
        testFunctionWords += o.testFunctionWords;
        refFunctionWords += o.refFunctionWords;
        for (int i = 0; i < MODULES; i++) {
            testContentMatches[i] += o.testContentMatches[i];
            refContentMatches[i] += o.refContentMatches[i];
            testFunctionMatches[i] += o.testFunctionMatches[i];
            refFunctionMatches[i] += o.refFunctionMatches[i];
        }
        chunks += o.chunks;
    }

    /** Hypothesis words matched, by any module. */
    public int testMatches() {
        return sum(testContentMatches) + sum(testFunctionMatches);
    }

    /** Reference words matched, by any module. */
    public int refMatches() {
        return sum(refContentMatches) + sum(refFunctionMatches);
    }

    /** Number of chunks. */
    public int chunks() {
        return chunks;
    }

    /** Weighted precision. */
    public double precision() {
        return weightedMatches(testContentMatches, testFunctionMatches)
                / weightedLength(testLength, testFunctionWords);
    }

    /** Weighted recall. */
    public double recall() {
        return weightedMatches(refContentMatches, refFunctionMatches)
                / weightedLength(refLength, refFunctionWords);
    }

    /** The fragmentation penalty {@code γ·frag^β}. */
    public double fragmentationPenalty() {
        double frag;
        if (testMatches() == testLength && refMatches() == refLength && chunks == 1) {
            frag = 0;
        } else {
            frag = chunks / ((double) (testMatches() + refMatches()) / 2);
        }
        return GAMMA * Math.pow(frag, BETA);
    }

    /** The METEOR score of these statistics, in [0, 1]. */
    public double score() {
        double precision = precision();
        double recall = recall();
        double fMean = 1.0 / (((1.0 - ALPHA) / precision) + (ALPHA / recall));
        double score = fMean * (1.0 - fragmentationPenalty());
        return Double.isNaN(score) ? 0 : Math.max(score, 0.0);
    }

    private static double weightedLength(int length, int functionWords) {
        return (DELTA * (length - functionWords)) + ((1.0 - DELTA) * functionWords);
    }

    private static double weightedMatches(int[] content, int[] function) {
        double sum = 0;
        for (int i = 0; i < MODULES; i++) {
            sum += content[i] * WEIGHTS[i] * DELTA;
        }
        for (int i = 0; i < MODULES; i++) {
            sum += function[i] * WEIGHTS[i] * (1.0 - DELTA);
        }
        return sum;
    }

    private static int sum(int[] values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }
}
