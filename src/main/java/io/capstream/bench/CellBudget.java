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
        List<List<T>> out = new ArrayList<>();
        Timings t = timeInterleaved(List.of(run), out).get(0);
        results.addAll(out.get(0));
        return t;
    }

    /**
     * Times several cells round-robin: after each cell's warm-up, every round runs each cell once,
     * so slow drifts of a shared machine (other processes, clock changes) hit all cells alike and
     * their ratios stay meaningful. The time cap is {@code seconds} per cell, for the group.
     *
     * @param runs one repetition of each cell
     * @param results receives one list per cell with the results of its timed runs
     * @param <T> the result type
     * @return the times of each cell, in the order of {@code runs}
     */
    public <T> List<Timings> timeInterleaved(List<Supplier<T>> runs, List<List<T>> results) {
        int n = runs.size();
        for (Supplier<T> run : runs) {
            for (int i = 0; i < warmup; i++) {
                run.get();
            }
        }
        List<List<Double>> millis = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            millis.add(new ArrayList<>());
            results.add(new ArrayList<>());
        }
        long budget = (long) (seconds * 1e9 * n);
        long spent = 0;
        for (int round = 0; round < minReps || (round < maxReps && spent < budget); round++) {
            for (int c = 0; c < n; c++) {
                long start = System.nanoTime();
                T result = runs.get(c).get();
                long took = System.nanoTime() - start;
                spent += took;
                millis.get(c).add(took / 1e6);
                results.get(c).add(result);
            }
        }
        List<Timings> out = new ArrayList<>();
        for (List<Double> m : millis) {
            out.add(new Timings(m.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }
}
