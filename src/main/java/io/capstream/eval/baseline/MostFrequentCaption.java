package io.capstream.eval.baseline;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The trivial captioner every real model must beat: it ignores the picture and answers the caption
 * that occurs most often among the training references (ties: alphabetically first).
 */
public final class MostFrequentCaption {
    private final String caption;

    private MostFrequentCaption(String caption) {
        this.caption = caption;
    }

    /** Learns from training references ({@code id -> captions}). */
    public static MostFrequentCaption fit(Map<String, List<String>> trainingRefs) {
        Map<String, Integer> counts = new HashMap<>();
        for (Collection<String> caps : trainingRefs.values()) {
            for (String c : caps) {
                counts.merge(normalise(c), 1, Integer::sum);
            }
        }
        String best =
                counts.entrySet().stream()
                        .min(
                                Map.Entry.<String, Integer>comparingByValue()
                                        .reversed()
                                        .thenComparing(Map.Entry.comparingByKey()))
                        .map(Map.Entry::getKey)
                        .orElseThrow(() -> new IllegalArgumentException("no training captions"));
        return new MostFrequentCaption(best);
    }

    public String caption() {
        return caption;
    }

    /** The same caption for every id, in the ids' order. */
    public Map<String, String> captionAll(Set<String> ids) {
        Map<String, String> out = new LinkedHashMap<>();
        ids.forEach(id -> out.put(id, caption));
        return out;
    }

    private static String normalise(String c) {
        return c.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
