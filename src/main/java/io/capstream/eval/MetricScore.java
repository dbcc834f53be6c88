package io.capstream.eval;

import java.util.Arrays;

/** One metric's score for a corpus, plus its score for each image in corpus order. */
public final class MetricScore {
    private final double corpus;
    private final double[] perImage;

    MetricScore(double corpus, double[] perImage) {
        this.corpus = corpus;
        this.perImage = perImage.clone();
    }

    /** The corpus score as the reference code reports it (not always the per-image mean). */
    public double corpus() {
        return corpus;
    }

    /** The score of the {@code i}-th image of the corpus. */
    public double perImage(int i) {
        return perImage[i];
    }

    /** Number of images scored. */
    public int size() {
        return perImage.length;
    }

    /** A copy of all per-image scores. */
    public double[] perImage() {
        return perImage.clone();
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    @Override
    public String toString() {
        return "MetricScore{corpus=" + corpus + ", perImage=" + Arrays.toString(perImage) + "}";
    }
}
