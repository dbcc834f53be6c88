package io.capstream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BLEU, ROUGE-L and CIDEr-D agree with pycocoevalcap's own output to within 1e-9, on tokenized
 * corpora and end to end from raw captions (tokenizer included).
 */
class GoldenAgreementTest {
    private static final double TOLERANCE = 1e-9;

    static Stream<JsonNode> cases() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        for (String file : List.of("random-corpora.json", "edge-cases.json")) {
            try (InputStream in =
                    GoldenAgreementTest.class.getResourceAsStream("/eval/golden/" + file)) {
                new ObjectMapper().readTree(in).get("cases").forEach(all::add);
            }
        }
        assertTrue(all.size() > 150, "golden cases missing: " + all.size());
        return all.stream();
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("cases")
    void shouldMatchPycocoevalcapWhenScoringGoldenCorpus(JsonNode golden) {
        TokenizedCorpus corpus = corpus(golden);
        String name = golden.get("name").asText();

        List<MetricScore> bleu = new Bleu().score(corpus);
        for (int k = 0; k < 4; k++) {
            assertClose(
                    golden.get("bleu").get("corpus").get(k),
                    bleu.get(k).corpus(),
                    name + " BLEU-" + (k + 1));
            assertPerImage(
                    golden.get("bleu").get("perImage").get(k),
                    bleu.get(k),
                    name + " BLEU-" + (k + 1));
        }
        MetricScore rouge = new RougeL().score(corpus);
        assertClose(golden.get("rouge").get("corpus"), rouge.corpus(), name + " ROUGE-L");
        assertPerImage(golden.get("rouge").get("perImage"), rouge, name + " ROUGE-L");
        MetricScore cider = new CiderD().score(corpus);
        assertClose(golden.get("cider").get("corpus"), cider.corpus(), name + " CIDEr-D");
        assertPerImage(golden.get("cider").get("perImage"), cider, name + " CIDEr-D");
    }

    @Test
    void shouldMatchPycocoevalcapWhenScoringRawCaptionsEndToEnd() throws IOException {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/eval/golden/end-to-end.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        Map<String, List<String>> refs = new LinkedHashMap<>();
        golden.get("refs")
                .fields()
                .forEachRemaining(
                        e -> {
                            List<String> captions = new ArrayList<>();
                            e.getValue().forEach(c -> captions.add(c.asText()));
                            refs.put(e.getKey(), captions);
                        });
        Map<String, String> hyps = new LinkedHashMap<>();
        golden.get("hyps")
                .fields()
                .forEachRemaining(e -> hyps.put(e.getKey(), e.getValue().asText()));
        CaptionScorer scorer = new CaptionScorer(new Meteor(word -> Set.of()));

        TokenizedCorpus tokenized = scorer.tokenize(refs, hyps);
        Scores scores = scorer.score(refs, hyps);

        for (int i = 0; i < tokenized.size(); i++) {
            assertEquals(
                    golden.get("tokenizedHyps").get(i).asText(),
                    tokenized.hyps().get(i),
                    "hyp " + i);
            List<String> expectedRefs = new ArrayList<>();
            golden.get("tokenizedRefs").get(i).forEach(r -> expectedRefs.add(r.asText()));
            assertEquals(expectedRefs, tokenized.refs().get(i), "refs " + i);
        }
        for (int k = 0; k < 4; k++) {
            Metric bleu = Metric.bleu(k + 1);
            assertClose(golden.get("bleu").get("corpus").get(k), scores.corpus(bleu), bleu.label());
            assertPerId(golden.get("bleu").get("perImage").get(k), scores, bleu);
        }
        assertClose(golden.get("rouge").get("corpus"), scores.corpus(Metric.ROUGE_L), "ROUGE-L");
        assertPerId(golden.get("rouge").get("perImage"), scores, Metric.ROUGE_L);
        assertClose(golden.get("cider").get("corpus"), scores.corpus(Metric.CIDER_D), "CIDEr-D");
        assertPerId(golden.get("cider").get("perImage"), scores, Metric.CIDER_D);
    }

    private static void assertPerId(JsonNode expected, Scores actual, Metric metric) {
        assertEquals(expected.size(), actual.ids().size(), metric.label() + " image count");
        for (int i = 0; i < expected.size(); i++) {
            String id = actual.ids().get(i);
            assertClose(expected.get(i), actual.perId(id, metric), metric.label() + " " + id);
        }
    }

    static TokenizedCorpus corpus(JsonNode golden) {
        List<String> ids = new ArrayList<>();
        golden.get("ids").forEach(n -> ids.add(n.asText()));
        List<List<String>> refs = new ArrayList<>();
        for (JsonNode imageRefs : golden.get("refs")) {
            List<String> r = new ArrayList<>();
            imageRefs.forEach(n -> r.add(n.asText()));
            refs.add(r);
        }
        List<String> hyps = new ArrayList<>();
        golden.get("hyps").forEach(n -> hyps.add(n.asText()));
        return new TokenizedCorpus(ids, refs, hyps);
    }

    private static void assertPerImage(JsonNode expected, MetricScore actual, String what) {
        assertEquals(expected.size(), actual.size(), what + " image count");
        for (int i = 0; i < expected.size(); i++) {
            assertClose(expected.get(i), actual.perImage(i), what + " image " + i);
        }
    }

    private static void assertClose(JsonNode expected, double actual, String what) {
        assertEquals(expected.asDouble(), actual, TOLERANCE, what);
    }
}
