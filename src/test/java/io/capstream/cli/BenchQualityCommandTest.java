package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.eval.CaptionFiles;
import io.capstream.model.ModelConfig;
import io.capstream.model.checkpoint.ModelCheckpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quality benchmark end to end with the real trainer: tiny model, tiny data, 3 steps. */
class BenchQualityCommandTest {
    @TempDir Path tmp;

    private record Run(int exitCode, String out, String err) {}

    private static Run run(List<String> args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args.toArray(String[]::new));
            return new Run(
                    code,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private List<String> args(String... extra) {
        List<String> a =
                new ArrayList<>(
                        List.of(
                                "bench",
                                "quality",
                                "--model",
                                "decider",
                                "--out",
                                tmp.resolve("out").toString(),
                                "--pairs",
                                "10",
                                "--steps",
                                "3",
                                "--sampling-steps",
                                "1",
                                "--variants",
                                "diffusion,autoregressive",
                                "--threads",
                                "1",
                                "--markdown",
                                "--set",
                                "imageSize=16",
                                "--set",
                                "gridSize=2",
                                "--set",
                                "modelDim=16",
                                "--set",
                                "heads=2",
                                "--set",
                                "feedForwardDim=32",
                                "--set",
                                "embedDim=8",
                                "--set",
                                "maxLength=6"));
        a.addAll(Arrays.asList(extra));
        return a;
    }

    @Test
    void shouldTrainCaptionAndScoreEachVariantWhenTinyBudget() throws IOException {
        Run r = run(args());
        assertEquals(0, r.exitCode(), r.err());
        Path out = tmp.resolve("out");
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode decider = results.path("datasets").get(0);
        assertEquals("decider", decider.path("model").asText());
        assertEquals(3, decider.path("train_steps").asInt());
        JsonNode variants = decider.path("variants");
        assertEquals(2, variants.size());
        Path data = Path.of(decider.path("dataset").asText());
        var refs = CaptionFiles.readReferences(data.resolve("eval/refs_test.json"));
        for (JsonNode v : variants) {
            ModelCheckpoint c = ModelCheckpoint.load(Path.of(v.path("checkpoint").asText()));
            boolean ar = v.path("variant").asText().equals("autoregressive");
            assertEquals(
                    ar ? ModelConfig.Generator.AUTOREGRESSIVE : ModelConfig.Generator.DIFFUSION,
                    c.config().generator());
            assertEquals(16, c.config().modelDim()); // --set reached every variant
            var hyps = CaptionFiles.readHypotheses(Path.of(v.path("hyps").asText()));
            assertEquals(refs.keySet(), hyps.keySet());
            double cider = v.path("metrics").path("CIDEr-D").asDouble(-1);
            assertTrue(cider >= 0, v.toString());
            assertTrue(v.path("semantic").has("exact"), v.toString());
            assertTrue(v.path("cider_d_by_type").size() > 0, v.toString());
        }
        assertEquals(1, decider.path("sampling_sweep").get(0).path("sampling_steps").asInt());
        assertTrue(r.out().contains("## bench quality: decider"), r.out());
        assertTrue(r.out().contains("| autoregressive |"), r.out());
    }

    @Test
    void shouldReuseCheckpointsWhenRunAgainWithSameSettings() throws IOException {
        assertEquals(0, run(args()).exitCode());
        Path params = tmp.resolve("out/decider/diffusion/checkpoint/model.params");
        FileTime first = Files.getLastModifiedTime(params);
        Run again = run(args());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(first, Files.getLastModifiedTime(params));
        assertFalse(again.err().contains("train decider"), again.err());
    }

    @Test
    void shouldExitWithOneLineWhenVariantUnknown() {
        Run r = run(args("--variants", "no-xyz"));
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown variant 'no-xyz'"), r.err());
    }
}
