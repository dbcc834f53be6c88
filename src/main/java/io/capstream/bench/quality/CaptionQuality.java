package io.capstream.bench.quality;

import io.capstream.eval.Metric;
import io.capstream.eval.Scores;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The scores of one set of test-split hypotheses.
 *
 * @param metrics corpus BLEU-1..4, METEOR, ROUGE-L, CIDEr-D by label
 * @param ciderByType CIDEr-D per change type (empty without a types file)
 * @param semantic semantic accuracy, when the dataset has a ground truth
 * @param captionSeconds wall-clock time to caption the split
 * @param hypsFile where the hypotheses were written
 */
public record CaptionQuality(
        Map<String, Double> metrics,
        Map<String, Double> ciderByType,
        Optional<SemanticAccuracy> semantic,
        double captionSeconds,
        String hypsFile) {
    public CaptionQuality {
        metrics = Map.copyOf(metrics);
        ciderByType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ciderByType));
    }

    /** Builds from scorer output. */
    static CaptionQuality of(
            Scores scores,
            Map<String, Scores> byType,
            Optional<SemanticAccuracy> semantic,
            double captionSeconds,
            String hypsFile) {
        Map<String, Double> cider = new LinkedHashMap<>();
        byType.forEach((t, s) -> cider.put(t, s.corpus(Metric.CIDER_D)));
        return new CaptionQuality(
                scores.corpusByLabel(), cider, semantic, captionSeconds, hypsFile);
    }

    /** One metric's value. */
    public double metric(Metric m) {
        return metrics.get(m.label());
    }
}
