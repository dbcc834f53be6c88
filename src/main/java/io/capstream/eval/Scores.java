package io.capstream.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus and per-image scores of every {@link Metric}, as fractions (pycocoevalcap's scale: CIDEr-D
 * can exceed 1).
 *
 * @param ids the scored image ids, in corpus order
 * @param corpus the corpus score of each metric
 * @param perId each image's score of each metric
 */
public record Scores(
        List<String> ids, Map<Metric, Double> corpus, Map<String, Map<Metric, Double>> perId) {
    public Scores {
        ids = List.copyOf(ids);
        corpus = Map.copyOf(corpus);
        perId = Map.copyOf(perId);
    }

    /** The corpus score of one metric. */
    public double corpus(Metric metric) {
        return corpus.get(metric);
    }

    /** One image's score of one metric. */
    public double perId(String id, Metric metric) {
        Map<Metric, Double> scores = perId.get(id);
        if (scores == null) {
            throw new IllegalArgumentException("no image with id " + id);
        }
        return scores.get(metric);
    }

    /** The corpus scores keyed by {@link Metric#label()}, in {@link Metric} order. */
    public Map<String, Double> corpusByLabel() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            out.put(m.label(), corpus.get(m));
        }
        return out;
    }
}
