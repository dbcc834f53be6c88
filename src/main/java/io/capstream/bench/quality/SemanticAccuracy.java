package io.capstream.bench.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.data.clevr.ClevrSemanticScorer;
import io.capstream.data.clevr.SemanticScore;
import io.capstream.data.toons.ToonSemanticReport;
import io.capstream.data.toons.ToonSemanticScorer;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Semantic accuracy of hypotheses, read back with the grammar of the synthetic generator that wrote
 * the dataset's {@code ground_truth.json} (as {@code capstream eval --semantic} does).
 *
 * @param kind clevr-change or toons
 * @param headline the one number for tables: exact meaning (clevr-change: type, object and new
 *     value all right) or whole scene right (toons)
 * @param details every accuracy by name, for the results file
 */
public record SemanticAccuracy(String kind, double headline, Map<String, Object> details) {

    /**
     * Scores hypotheses against a ground-truth file.
     *
     * @param groundTruth ground_truth.json written by {@code capstream generate}
     * @param hyps id → caption
     * @return the accuracies
     * @throws UserInputException for an unknown kind or an id missing from the ground truth
     */
    public static SemanticAccuracy score(Path groundTruth, Map<String, String> hyps) {
        String kind;
        try {
            kind = new ObjectMapper().readTree(groundTruth.toFile()).path("kind").asText("");
        } catch (IOException e) {
            throw new UserInputException(groundTruth + ": not valid JSON: " + e.getMessage(), e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        switch (kind) {
            case "clevr-change":
                {
                    SemanticScore s = ClevrSemanticScorer.load(groundTruth).score(hyps);
                    details.put("overall", breakdown(s.overall()));
                    Map<String, Object> byType = new LinkedHashMap<>();
                    s.byType().forEach((t, b) -> byType.put(t, breakdown(b)));
                    details.put("by_type", byType);
                    return new SemanticAccuracy(kind, s.overall().exactAccuracy(), details);
                }
            case "toons":
                {
                    ToonSemanticReport r = ToonSemanticScorer.score(groundTruth, hyps);
                    details.putAll(r.asMap());
                    return new SemanticAccuracy(kind, r.scene(), details);
                }
            default:
                throw new UserInputException(
                        groundTruth
                                + ": \"kind\" is '"
                                + kind
                                + "', expected clevr-change or toons");
        }
    }

    /** Name of the headline number. */
    public String headlineName() {
        return kind.equals("toons") ? "scene" : "exact";
    }

    private static Map<String, Object> breakdown(SemanticScore.Breakdown b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("change_type", finite(b.typeAccuracy()));
        m.put("object", finite(b.objectAccuracy()));
        m.put("value", finite(b.valueAccuracy()));
        m.put("exact", finite(b.exactAccuracy()));
        return m;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
