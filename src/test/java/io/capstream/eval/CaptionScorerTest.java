package io.capstream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.util.UserInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaptionScorerTest {
    private final CaptionScorer scorer = new CaptionScorer(new Meteor(word -> Set.of()));

    private static Map<String, List<String>> refs() {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        refs.put("1", List.of("A small red cube moved to the left.", "The red cube has moved."));
        refs.put("2", List.of("There is no change.", "Nothing has changed."));
        refs.put("3", List.of("The blue sphere turned green.", "A sphere became green."));
        refs.put("4", List.of("A cylinder was added.", "Someone added a cylinder."));
        return refs;
    }

    private static Map<String, String> hyps() {
        Map<String, String> hyps = new LinkedHashMap<>();
        hyps.put("1", "the red cube moved");
        hyps.put("2", "there is no change");
        hyps.put("3", "the sphere turned green");
        hyps.put("4", "a cylinder was added");
        return hyps;
    }

    @Test
    void shouldNameIdWhenHypothesisHasNoReferences() {
        Map<String, String> hyps = new LinkedHashMap<>(hyps());
        hyps.put("99", "a cube");

        UserInputException e =
                assertThrows(UserInputException.class, () -> scorer.score(refs(), hyps));

        assertEquals(
                "id \"99\" is in the hypotheses but missing from the references", e.getMessage());
    }

    @Test
    void shouldNameIdWhenReferenceHasNoHypothesis() {
        Map<String, String> hyps = new LinkedHashMap<>(hyps());
        hyps.remove("3");

        UserInputException e =
                assertThrows(UserInputException.class, () -> scorer.score(refs(), hyps));

        assertEquals(
                "id \"3\" is in the references but missing from the hypotheses", e.getMessage());
    }

    @Test
    void shouldRejectIdWhenItHasNoReferenceCaption() {
        Map<String, List<String>> refs = new LinkedHashMap<>(refs());
        refs.put("2", List.of());

        UserInputException e =
                assertThrows(UserInputException.class, () -> scorer.score(refs, hyps()));

        assertTrue(e.getMessage().contains("\"2\""), e.getMessage());
    }

    @Test
    void shouldTokenizeLikeCocoEvalCapWhenScoringRawCaptions() {
        TokenizedCorpus corpus = scorer.tokenize(refs(), hyps());

        assertEquals(List.of("1", "2", "3", "4"), corpus.ids());
        assertEquals(
                List.of("a small red cube moved to the left", "the red cube has moved"),
                corpus.refs().get(0));
        // punctuation and case do not matter once tokenized
        Map<String, String> shouting = new LinkedHashMap<>(hyps());
        shouting.put("2", "THERE, IS NO CHANGE.");
        Scores s = scorer.score(refs(), shouting);
        assertEquals(1.0, s.perId("2", Metric.BLEU_4), 1e-8);
        assertEquals(1.0, s.perId("2", Metric.METEOR));
    }

    @Test
    void shouldReportEveryMetricForCorpusAndEachIdWhenScoring() {
        Scores s = scorer.score(refs(), hyps());

        assertEquals(List.of("1", "2", "3", "4"), s.ids());
        assertEquals(
                List.of("BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4", "METEOR", "ROUGE-L", "CIDEr-D"),
                List.copyOf(s.corpusByLabel().keySet()));
        for (Metric m : Metric.values()) {
            double mean = 0;
            for (String id : s.ids()) {
                mean += s.perId(id, m) / 4;
            }
            if (m == Metric.ROUGE_L || m == Metric.CIDER_D) {
                assertEquals(mean, s.corpus(m), 1e-12, m.label());
            }
            assertTrue(s.corpus(m) > 0, m.label());
        }
    }

    @Test
    void shouldScoreEachTypeAsItsOwnCorpusWhenScoringByType() {
        Map<String, List<String>> types = new LinkedHashMap<>();
        types.put("move", List.of("1", "missing-id"));
        types.put("color", List.of("3", "2"));
        types.put("empty", List.of("nowhere"));

        Map<String, Scores> byType = scorer.scoreByType(refs(), hyps(), types);

        assertEquals(List.of("move", "color", "other"), List.copyOf(byType.keySet()));
        assertEquals(List.of("1"), byType.get("move").ids());
        assertEquals(List.of("4"), byType.get("other").ids());
        // CIDEr-D of a type uses that type's references for df and N, like the reference code
        Map<String, List<String>> colorRefs = new LinkedHashMap<>();
        colorRefs.put("3", refs().get("3"));
        colorRefs.put("2", refs().get("2"));
        Map<String, String> colorHyps = new LinkedHashMap<>();
        colorHyps.put("3", hyps().get("3"));
        colorHyps.put("2", hyps().get("2"));
        Scores alone = scorer.score(colorRefs, colorHyps);
        assertEquals(alone.corpus(Metric.CIDER_D), byType.get("color").corpus(Metric.CIDER_D));
        Scores all = scorer.score(refs(), hyps());
        double sliceOfAll = (all.perId("3", Metric.CIDER_D) + all.perId("2", Metric.CIDER_D)) / 2;
        assertNotEquals(sliceOfAll, byType.get("color").corpus(Metric.CIDER_D), 1e-6);
        // a single-image type has N = 1, so CIDEr-D is 0
        assertEquals(0.0, byType.get("move").corpus(Metric.CIDER_D));
    }

    @Test
    void shouldOmitOtherTypeWhenEveryIdHasType() {
        Map<String, List<String>> types = Map.of("all", List.of("1", "2", "3", "4"));

        Map<String, Scores> byType = scorer.scoreByType(refs(), hyps(), types);

        assertEquals(Set.of("all"), byType.keySet());
        assertEquals(
                scorer.score(refs(), hyps()).corpusByLabel(), byType.get("all").corpusByLabel());
    }
}
