package io.capstream.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How long one benchmark cell runs: {@code warmup} untimed runs, then timed runs until {@code
 * seconds} have passed, never fewer than {@code minReps} nor more than {@code maxReps}. The time
 * cap keeps a whole table to a few minutes on a small machine; the minimum keeps median and p90
 * meaningful for slow cells.
 *
 * @param warmup untimed runs first (JIT, allocator and thread-pool warm-up)
 * @param minReps at least this many timed runs (≥ 1)
 * @param maxReps at most this many timed runs
 * @param seconds stop starting new timed runs once this much time was spent timing
 */
public record CellBudget(int warmup, int minReps, int maxReps, double seconds) {
    public CellBudget {
        if (warmup < 0 || minReps < 1 || maxReps < minReps || seconds < 0) {
            throw new IllegalArgumentException(
                    "bad cell budget: warmup "
                            + warmup
                            + ", reps "
                            + minReps
                            + ".."
                            + maxReps
                            + ", seconds "
                            + seconds);
        }
    }

    /**
     * Times a batch function.
     *
     * @param run one repetition; its results are collected (untimed runs' results are dropped)
     * @param results receives the result of every timed run
     * @param <T> the result type
     * @return the times of the timed runs
     */
    public <T> Timings time(Supplier<T> run, List<T> results) {
        for (int i = 0; i < warmup; i++) {
            run.get();
        }
        List<Double> millis = new ArrayList<>();
        long budget = (long) (seconds * 1e9);
        long spent = 0;
        while (millis.size() < minReps || (millis.size() < maxReps && spent < budget)) {
            long start = System.nanoTime();
            T result = run.get();
            long took = System.nanoTime() - start;
            spent += took;
            millis.add(took / 1e6);
            results.add(result);
        }
        return new Timings(millis.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
