package io.capstream.data.imports;

import io.capstream.data.CaptionedImage;
import io.capstream.data.CaptionedPair;
import io.capstream.data.Split;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one split of an imported dataset holds.
 *
 * @param split the split
 * @param samples pairs or images
 * @param captions reference captions over all samples
 * @param changeTypes samples per change type, sorted by type; empty when the dataset has none
 */
public record SplitCounts(
        Split split, int samples, int captions, SortedMap<String, Integer> changeTypes) {
    public SplitCounts {
        changeTypes = Collections.unmodifiableSortedMap(new TreeMap<>(changeTypes));
    }

    /** Counts per split present in {@code pairs}, in split order. */
    public static List<SplitCounts> ofPairs(List<CaptionedPair> pairs) {
        Map<Split, Builder> bySplit = new EnumMap<>(Split.class);
        for (CaptionedPair p : pairs) {
            Builder b = bySplit.computeIfAbsent(p.split(), Builder::new);
            b.add(p.captions().size());
            p.changeType().ifPresent(t -> b.types.merge(t, 1, Integer::sum));
        }
        return build(bySplit);
    }

    /** Counts per split present in {@code images}, in split order. */
    public static List<SplitCounts> ofImages(List<CaptionedImage> images) {
        Map<Split, Builder> bySplit = new EnumMap<>(Split.class);
        for (CaptionedImage i : images) {
            bySplit.computeIfAbsent(i.split(), Builder::new).add(i.captions().size());
        }
        return build(bySplit);
    }

    private static List<SplitCounts> build(Map<Split, Builder> bySplit) {
        List<SplitCounts> out = new ArrayList<>();
        for (Builder b : bySplit.values()) {
            out.add(new SplitCounts(b.split, b.samples, b.captions, b.types));
        }
        return out;
    }

    private static final class Builder {
        final Split split;
        final SortedMap<String, Integer> types = new TreeMap<>();
        int samples;
        int captions;

        Builder(Split split) {
            this.split = split;
        }

        void add(int captionCount) {
            samples++;
            captions += captionCount;
        }
    }
}
