package io.capstream.data.toons;

import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Scores hypothesis captions by meaning rather than by n-grams: each caption is parsed with {@link
 * ToonCaptionGrammar} and compared with the image's ground truth. A caption the grammar cannot read
 * counts as wrong on every attribute.
 */
public final class ToonSemanticScorer {
    private ToonSemanticScorer() {}

    /**
     * Scores {@code hypotheses} (image id → caption) against a {@code ground_truth.json} file.
     *
     * @throws UserInputException if the file cannot be read, or a hypothesis id is not in it
     */
    public static ToonSemanticReport score(Path groundTruth, Map<String, String> hypotheses) {
        return score(ToonGroundTruth.read(groundTruth), hypotheses, groundTruth.toString());
    }

    /** Scores {@code hypotheses} against meanings keyed by image id. */
    public static ToonSemanticReport score(
            Map<String, ToonMeaning> truth, Map<String, String> hypotheses) {
        return score(truth, hypotheses, "the ground truth");
    }

    private static ToonSemanticReport score(
            Map<String, ToonMeaning> truth, Map<String, String> hypotheses, String source) {
        if (hypotheses.isEmpty()) {
            throw new UserInputException("no hypotheses to score");
        }
        int parsed = 0;
        int kind = 0;
        int colour = 0;
        int action = 0;
        int count = 0;
        int setting = 0;
        int scene = 0;
        int withSecond = 0;
        int second = 0;
        int withoutSecond = 0;
        int spurious = 0;
        for (Map.Entry<String, String> h : hypotheses.entrySet()) {
            ToonMeaning t = truth.get(h.getKey());
            if (t == null) {
                throw new UserInputException(
                        "hypothesis for image id '" + h.getKey() + "' has no entry in " + source);
            }
            if (t.second().isPresent()) {
                withSecond++;
            } else {
                withoutSecond++;
            }
            Optional<ToonMeaning> parse = ToonCaptionGrammar.parse(h.getValue());
            if (parse.isEmpty()) {
                continue;
            }
            ToonMeaning m = parse.get();
            parsed++;
            kind += m.kind() == t.kind() ? 1 : 0;
            colour += m.colour() == t.colour() ? 1 : 0;
            action += m.action() == t.action() ? 1 : 0;
            count += m.count() == t.count() ? 1 : 0;
            setting += m.setting() == t.setting() ? 1 : 0;
            scene += m.consistentWith(t) ? 1 : 0;
            if (t.second().isPresent()) {
                second += secondRight(m, t) ? 1 : 0;
            } else if (m.second().isPresent()) {
                spurious++;
            }
        }
        double n = hypotheses.size();
        return new ToonSemanticReport(
                hypotheses.size(),
                parsed / n,
                kind / n,
                colour / n,
                action / n,
                count / n,
                setting / n,
                scene / n,
                withSecond,
                withSecond == 0 ? Double.NaN : second / (double) withSecond,
                withoutSecond == 0 ? Double.NaN : spurious / (double) withoutSecond);
    }

    private static boolean secondRight(ToonMeaning m, ToonMeaning t) {
        if (m.second().isEmpty() || m.relation().isEmpty()) {
            return false;
        }
        ToonMeaning.Other said = m.second().get();
        ToonMeaning.Other real = t.second().get();
        return said.kind() == real.kind()
                && said.colour() == real.colour()
                && m.relation().get().holdsFor(t.relation().get());
    }
}
