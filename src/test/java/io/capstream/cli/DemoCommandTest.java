package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir Path dir;

    private String run(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run(args), String.join(" ", args));
        } finally {
            System.setOut(old);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldGenerateCaptionAndEvaluateBothDatasetsWhenDemoRunsOffline() throws Exception {
        String out =
                run(
                        "demo",
                        "--offline",
                        "--out",
                        dir.toString(),
                        "--pairs",
                        "40",
                        "--images",
                        "40");
        assertTrue(out.contains("== clevr-change: most-frequent-caption baseline"), out);
        assertTrue(out.contains("== toons: most-frequent-caption baseline"), out);
        assertTrue(out.contains("CIDEr-D"), out);
        assertTrue(out.contains("semantic accuracy"), out);

        // The baseline always answers "no change": change-type accuracy is exactly the share of
        // no-change pairs, which is one half by construction of the layout.
        Path clevr = dir.resolve("clevr-change");
        String json =
                run(
                        "eval",
                        "--refs",
                        clevr.resolve("eval/refs_test.json").toString(),
                        "--hyps",
                        clevr.resolve("baseline_hyps_test.json").toString(),
                        "--semantic",
                        clevr.resolve("ground_truth.json").toString(),
                        "--json");
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(
                0.5, root.path("semantic").path("overall").path("change_type").asDouble(), 1e-12);
        assertEquals(0.0, root.path("semantic").path("overall").path("object").asDouble(), 1e-12);
        assertTrue(root.has("BLEU-4") && root.has("CIDEr-D"), json);
    }

    @Test
    void shouldRejectGroundTruthWhenKindIsUnknown() throws Exception {
        Path gt = dir.resolve("gt.json");
        java.nio.file.Files.writeString(gt, "{\"kind\": \"photos\", \"items\": {}}");
        Path refs = dir.resolve("r.json");
        java.nio.file.Files.writeString(refs, "{\"a\": [\"x y\"]}");
        Path hyps = dir.resolve("h.json");
        java.nio.file.Files.writeString(hyps, "{\"a\": \"x y\"}");
        assertEquals(
                2,
                Main.run(
                        "eval",
                        "--refs",
                        refs.toString(),
                        "--hyps",
                        hyps.toString(),
                        "--semantic",
                        gt.toString()));
    }
}
