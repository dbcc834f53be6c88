package io.capstream.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The n-gram counts of one sentence for n = 1..{@value #MAX_N}, like the reference code's {@code
 * precook}. An n-gram is its words joined by single spaces (words never contain whitespace, so this
 * is unambiguous). Iteration follows first occurrence, n by n, as Python dicts do, so sums run in
 * the reference code's order.
 */
final class NGrams {
    static final int MAX_N = 4;

    private final int length;
    private final List<Map<String, Integer>> byOrder;

    private NGrams(int length, List<Map<String, Integer>> byOrder) {
        this.length = length;
        this.byOrder = byOrder;
    }

    /** Counts the n-grams of {@code words} for n = 1..{@value #MAX_N}. */
    static NGrams of(List<String> words) {
        List<Map<String, Integer>> byOrder = new ArrayList<>(MAX_N);
        for (int n = 1; n <= MAX_N; n++) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (int i = 0; i + n <= words.size(); i++) {
                String gram = n == 1 ? words.get(i) : String.join(" ", words.subList(i, i + n));
                counts.merge(gram, 1, Integer::sum);
            }
            byOrder.add(counts);
        }
        return new NGrams(words.size(), byOrder);
    }

    /** Counts the n-grams of a tokenized sentence split as Python's {@code str.split()}. */
    static NGrams of(String sentence) {
        return of(PyStrings.split(sentence));
    }

    /** Number of words. */
    int length() {
        return length;
    }

    /** Counts of the n-grams of order {@code n} (1-based). */
    Map<String, Integer> order(int n) {
        return byOrder.get(n - 1);
    }
}
