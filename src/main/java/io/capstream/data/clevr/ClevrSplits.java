package io.capstream.data.clevr;

import io.capstream.data.Split;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded random assignment of scene indices to train, val and test. */
final class ClevrSplits {
    private ClevrSplits() {}

    /**
     * Shuffles 0..n-1 with {@code seed} and cuts it into val (round(n·valFraction)), test
     * (round(n·testFraction)) and train (the rest). Each list is sorted.
     */
    static Map<Split, List<Integer>> assign(
            int n, double valFraction, double testFraction, long seed) {
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // Its own stream, separate from every per-index stream.
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = n - 1; i > 0; i--) {
            Collections.swap(order, i, random.nextInt(i + 1));
        }
        int val = (int) Math.round(n * valFraction);
        int test = Math.min(n - val, (int) Math.round(n * testFraction));
        Map<Split, List<Integer>> splits = new EnumMap<>(Split.class);
        splits.put(Split.VAL, sorted(order.subList(0, val)));
        splits.put(Split.TEST, sorted(order.subList(val, val + test)));
        splits.put(Split.TRAIN, sorted(order.subList(val + test, n)));
        return splits;
    }

    private static List<Integer> sorted(List<Integer> part) {
        List<Integer> copy = new ArrayList<>(part);
        Collections.sort(copy);
        return List.copyOf(copy);
    }
}
