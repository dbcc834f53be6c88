package io.capstream.training;

import java.util.Map;

/**
 * The scores of one validation pass over the EMA weights.
 *
 * @param step the number of optimizer steps taken when it ran
 * @param samples how many validation samples were captioned
 * @param scores metric label (BLEU-4, ROUGE-L, CIDEr-D, as {@code capstream eval} names them) →
 *     corpus score
 * @param distinctCaptions how many different captions the model produced (1 = collapsed)
 * @param example one produced caption with its id, for the log
 */
public record Validation(
        int step, int samples, Map<String, Double> scores, int distinctCaptions, String example) {
    /** The metric training keeps the best weights by. */
    public static final String SELECTION_METRIC = "CIDEr-D";

    /** CIDEr-D of this pass. */
    public double ciderD() {
        return scores.getOrDefault(SELECTION_METRIC, 0d);
    }

    /** As a JSON-friendly map for the checkpoint metrics. */
    public Map<String, Object> toMap() {
        return Map.of(
                "step", step,
                "samples", samples,
                "scores", scores,
                "distinctCaptions", distinctCaptions,
                "example", example);
    }
}
