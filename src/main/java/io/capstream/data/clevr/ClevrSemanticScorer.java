package io.capstream.data.clevr;

import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Scores generated change captions by meaning rather than n-grams: each hypothesis is parsed with
 * {@link ChangeCaptionGrammar} and compared with what {@code ground_truth.json} says changed. This
 * catches what BLEU/CIDEr reward wrongly, e.g. a fluent caption about the wrong object.
 */
public final class ClevrSemanticScorer {
    private final GroundTruth groundTruth;

    public ClevrSemanticScorer(GroundTruth groundTruth) {
        this.groundTruth = groundTruth;
    }

    /** A scorer for the ground truth in {@code groundTruthJson}. */
    public static ClevrSemanticScorer load(Path groundTruthJson) {
        return new ClevrSemanticScorer(GroundTruth.read(groundTruthJson));
    }

    /**
     * Scores one caption per pair id ("000123.png", "000123.png_n"). Only the given ids are scored.
     *
     * @throws UserInputException when an id is not in the ground truth
     */
    public SemanticScore score(Map<String, String> hypotheses) {
        Map<ChangeType, SemanticScore.Breakdown> byType = new EnumMap<>(ChangeType.class);
        for (Map.Entry<String, String> e : hypotheses.entrySet()) {
            GroundTruth.Item item = groundTruth.items().get(e.getKey());
            if (item == null) {
                throw new UserInputException(
                        "hypothesis id '" + e.getKey() + "' is not in the ground truth");
            }
            ChangeMeaning truth = item.change();
            byType.merge(truth.type(), judge(truth, e.getValue()), SemanticScore.Breakdown::plus);
        }
        SemanticScore.Breakdown overall = new SemanticScore.Breakdown(0, 0, 0, 0, 0, 0, 0, 0);
        Map<String, SemanticScore.Breakdown> named = new LinkedHashMap<>();
        for (Map.Entry<ChangeType, SemanticScore.Breakdown> e : byType.entrySet()) {
            named.put(e.getKey().id(), e.getValue());
            overall = overall.plus(e.getValue());
        }
        return new SemanticScore(overall, named);
    }

    /** The counts of one pair. */
    static SemanticScore.Breakdown judge(ChangeMeaning truth, String caption) {
        Optional<ChangeMeaning> said = ChangeCaptionGrammar.parse(caption);
        boolean hasObject = truth.object().isPresent();
        boolean hasValue = truth.type().hasNewValue();
        boolean type = said.map(m -> m.type() == truth.type()).orElse(false);
        boolean object =
                hasObject && said.map(m -> m.object().equals(truth.object())).orElse(false);
        boolean value =
                hasValue && said.map(m -> m.newValue().equals(truth.newValue())).orElse(false);
        return new SemanticScore.Breakdown(
                1,
                said.isEmpty() ? 1 : 0,
                type ? 1 : 0,
                hasObject ? 1 : 0,
                object ? 1 : 0,
                hasValue ? 1 : 0,
                value ? 1 : 0,
                said.map(truth::equals).orElse(false) ? 1 : 0);
    }
}
