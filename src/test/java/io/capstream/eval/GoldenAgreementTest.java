package io.capstream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** BLEU, ROUGE-L and CIDEr-D agree with pycocoevalcap's own output to within 1e-9. */
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
