package io.capstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CellBudgetTest {

    @Test
    void shouldReportMedianAndNearestRankP90WhenTenTimes() {
        Timings t = new Timings(new double[] {10, 1, 9, 2, 8, 3, 7, 4, 6, 5});
        assertEquals(5.5, t.median());
        assertEquals(9, t.p90()); // ⌈0.9·10⌉ = 9th smallest
        assertEquals(1, t.min());
        assertEquals(7, new Timings(new double[] {7, 1, 9}).median());
        assertEquals(9, new Timings(new double[] {7, 1, 9}).p90());
    }

    @Test
    void shouldRunWarmupThenExactlyMinRepsWhenNoTimeBudget() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> results = new ArrayList<>();
        Timings t = new CellBudget(2, 3, 100, 0).time(calls::incrementAndGet, results);
        assertEquals(5, calls.get());
        assertEquals(3, t.repetitions());
        assertEquals(List.of(3, 4, 5), results); // warm-up results are dropped
    }

    @Test
    void shouldStopAtMaxRepsWhenBudgetIsLarge() {
        List<Integer> results = new ArrayList<>();
        Timings t = new CellBudget(0, 1, 7, 3600).time(() -> 1, results);
        assertEquals(7, t.repetitions());
    }

    @Test
    void shouldAlternateCellsWhenInterleaved() {
        List<String> order = new ArrayList<>();
        List<Supplier<String>> runs =
                List.of(
                        () -> {
                            order.add("a");
                            return "a";
                        },
                        () -> {
                            order.add("b");
                            return "b";
                        });
        List<List<String>> results = new ArrayList<>();
        List<Timings> t = new CellBudget(1, 3, 10, 0).timeInterleaved(runs, results);
        assertEquals(List.of("a", "b", "a", "b", "a", "b", "a", "b"), order);
        assertEquals(3, t.get(0).repetitions());
        assertEquals(3, t.get(1).repetitions());
        assertEquals(List.of("b", "b", "b"), results.get(1));
    }

    @Test
    void shouldRejectBudgetWhenMaxBelowMin() {
        assertThrows(IllegalArgumentException.class, () -> new CellBudget(0, 5, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> new Timings(new double[0]));
    }
}
