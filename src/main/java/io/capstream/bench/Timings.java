package io.capstream.bench;

import java.util.Arrays;

/**
 * Wall-clock times of the measured repetitions of one benchmark cell (warm-up excluded).
 *
 * @param millis one entry per repetition, in the order they ran
 */
public record Timings(double[] millis) {
    public Timings {
        if (millis.length == 0) {
            throw new IllegalArgumentException("no repetitions were timed");
        }
        millis = millis.clone();
    }

    /** Number of measured repetitions. */
    public int repetitions() {
        return millis.length;
    }

    /** The median (mean of the two middle values for an even count). */
    public double median() {
        double[] s = sorted();
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The 90th percentile by nearest rank: the ⌈0.9·n⌉-th smallest time. */
    public double p90() {
        double[] s = sorted();
        return s[(int) Math.ceil(0.9 * s.length) - 1];
    }

    /** The smallest time. */
    public double min() {
        return sorted()[0];
    }

    private double[] sorted() {
        double[] s = millis.clone();
        Arrays.sort(s);
        return s;
    }
}
