package io.capstream.data.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capstream.data.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitCountsTest {
    @TempDir Path dir;

    @Test
    void shouldCountPairsCaptionsAndTypesPerSplitWhenGivenClevrPairs() {
        var pairs =
                new ClevrChangeReader()
                        .read(Fixtures.clevrChange(dir), ImportOptions.defaults())
                        .samples();

        List<SplitCounts> counts = SplitCounts.ofPairs(pairs);

        assertEquals(
                List.of(
                        new SplitCounts(
                                Split.TRAIN,
                                6,
                                12,
                                new TreeMap<>(
                                        Map.of(
                                                "add",
                                                1,
                                                "color",
                                                1,
                                                "material",
                                                1,
                                                "no-change",
                                                3))),
                        new SplitCounts(
                                Split.VAL, 2, 4, new TreeMap<>(Map.of("drop", 1, "no-change", 1))),
                        new SplitCounts(
                                Split.TEST,
                                4,
                                8,
                                new TreeMap<>(Map.of("move", 2, "no-change", 2)))),
                counts);
    }

    @Test
    void shouldOmitAbsentSplitsWhenCountingImages() {
        var images =
                new CocoCaptionsReader()
                        .read(Fixtures.coco(dir), ImportOptions.defaults().withSplit(Split.VAL))
                        .samples();

        assertEquals(
                List.of(new SplitCounts(Split.VAL, 1, 2, new TreeMap<>())),
                SplitCounts.ofImages(images));
    }
}
