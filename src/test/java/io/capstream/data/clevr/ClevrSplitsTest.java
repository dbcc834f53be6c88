package io.capstream.data.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.capstream.data.Split;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClevrSplitsTest {
    @Test
    void shouldCoverEveryIndexExactlyOnceWhenSplitting() {
        Map<Split, List<Integer>> splits = ClevrSplits.assign(1003, 0.1, 0.15, 7);
        List<Integer> all = new ArrayList<>();
        splits.values().forEach(all::addAll);
        Set<Integer> unique = new HashSet<>(all);
        assertEquals(1003, all.size(), "an index is in two splits");
        for (int i = 0; i < 1003; i++) {
            assertEquals(true, unique.contains(i), "index " + i + " is in no split");
        }
        assertEquals(100, splits.get(Split.VAL).size());
        assertEquals(150, splits.get(Split.TEST).size());
        assertEquals(753, splits.get(Split.TRAIN).size());
        splits.values().forEach(l -> assertEquals(l.stream().sorted().toList(), l));
    }

    @Test
    void shouldDependOnlyOnTheSeedWhenSplitting() {
        assertEquals(ClevrSplits.assign(200, 0.1, 0.1, 7), ClevrSplits.assign(200, 0.1, 0.1, 7));
        assertNotEquals(
                ClevrSplits.assign(200, 0.1, 0.1, 7).get(Split.TEST),
                ClevrSplits.assign(200, 0.1, 0.1, 8).get(Split.TEST));
    }

    @Test
    void shouldPutEverythingInTrainWhenFractionsAreZero() {
        Map<Split, List<Integer>> splits = ClevrSplits.assign(5, 0, 0, 1);
        assertEquals(List.of(0, 1, 2, 3, 4), splits.get(Split.TRAIN));
        assertEquals(List.of(), splits.get(Split.VAL));
        assertEquals(List.of(), splits.get(Split.TEST));
    }
}
