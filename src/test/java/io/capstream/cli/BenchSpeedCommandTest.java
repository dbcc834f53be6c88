package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.bench.FlopCounter;
import io.capstream.model.CaptioningModel;
import io.capstream.model.ModelConfig;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.text.Vocabulary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchSpeedCommandTest {
    /** A tiny model: 16×16 images, d = 16, L = 6, 3 sampling steps, V = 9. */
    private static final List<String> TINY =
            List.of(
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
                    "maxLength=6",
                    "--set",
                    "sampleSteps=3",
                    "--vocab-size",
                    "9",
                    "--threads",
                    "1",
                    "--matmul-size",
                    "64",
                    "--seconds-per-cell",
                    "0",
                    "--min-reps",
                    "2",
                    "--warmup",
                    "0",
                    "--fresh");

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

    private static List<String> args(String... extra) {
        List<String> a = new ArrayList<>(List.of("bench", "speed"));
        a.addAll(TINY);
        a.addAll(Arrays.asList(extra));
        return a;
    }

    /** Data rows of the markdown table that follows a heading (header and separator dropped). */
    private static List<String[]> table(String text, String heading) {
        int at = text.indexOf(heading);
        assertTrue(at >= 0, "no '" + heading + "' in:\n" + text);
        List<String[]> rows = new ArrayList<>();
        boolean started = false;
        for (String line : text.substring(at).split("\n")) {
            if (line.startsWith("|")) {
                started = true;
                String[] cells = line.substring(1).split("\\|");
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                rows.add(cells);
            } else if (started) {
                break;
            }
        }
        return rows.subList(2, rows.size());
    }

    @Test
    void shouldPrintEveryRowWhenTinyModelsTimed() {
        Run r =
                run(
                        args(
                                "--batch-sizes",
                                "1,2",
                                "--steps-list",
                                "1,3",
                                "--steps-batch",
                                "2",
                                "--markdown"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("machine: "), r.out());
        for (String model : List.of("decider", "iba-cd")) {
            String section = r.out().substring(r.out().indexOf("## bench speed: " + model));
            assertTrue(section.contains("fresh seeded weights"), section);
            List<String[]> cells = table(section, "| batch | generator");
            assertEquals(6, cells.size(), section);
            for (int i = 0; i < cells.size(); i++) {
                assertEquals(i < 3 ? "1" : "2", cells.get(i)[0]);
                assertEquals(
                        List.of("diffusion", "autoregressive", "autoregressive").get(i % 3),
                        cells.get(i)[1]);
                assertTrue(
                        Double.parseDouble(cells.get(i)[3]) > 0, "captions/s " + cells.get(i)[3]);
                assertEquals("2", cells.get(i)[6]); // reps
            }
            assertEquals(2, table(section, "### captions/s").size());
            List<String[]> steps = table(section, "### diffusion vs sampling steps (batch 2)");
            assertEquals(List.of("1", "3"), steps.stream().map(c -> c[0]).toList());
        }
    }

    @TempDir Path tmp;

    @Test
    void shouldReportCountedFlopsWhenDiffusionRow() throws IOException {
        Path json = tmp.resolve("speed.json");
        Run r =
                run(
                        args(
                                "--json",
                                json.toString(),
                                "--model",
                                "iba-cd",
                                "--batch-sizes",
                                "1",
                                "--steps-list",
                                "1",
                                "--steps-batch",
                                "1",
                                "--markdown"));
        assertEquals(0, r.exitCode(), r.err());
        ModelConfig config =
                ModelConfig.preset("cpu-small", ModelConfig.Task.IBA_CD)
                        .withOverrides(
                                Map.of(
                                        "imageSize",
                                        16,
                                        "gridSize",
                                        2,
                                        "modelDim",
                                        16,
                                        "heads",
                                        2,
                                        "feedForwardDim",
                                        32,
                                        "embedDim",
                                        8,
                                        "maxLength",
                                        6));
        double gflop = new FlopCounter(config, 9).diffusionPerCaption(3) / 1e9;
        String[] diffusion = table(r.out(), "| batch | generator").get(0);
        assertEquals(String.format(Locale.ROOT, "%.3g", gflop), diffusion[9]);
        assertEquals("DDIM S=3 × 2 stages", diffusion[2]);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        JsonNode cells = root.path("models").get(0).path("cells");
        assertEquals(3, cells.size());
        assertEquals(gflop * 1e9, cells.get(0).path("flops_per_caption").asDouble(), 1e-3);
        assertEquals(2, cells.get(0).path("ms_per_batch").size()); // every repetition
    }

    /** A tiny decider checkpoint with fresh weights and a 9-id vocabulary. */
    private Path tinyCheckpoint() throws IOException {
        ModelConfig config =
                ModelConfig.preset("cpu-small", ModelConfig.Task.DECIDER)
                        .withOverrides(
                                Map.of(
                                        "imageSize",
                                        16,
                                        "gridSize",
                                        2,
                                        "modelDim",
                                        16,
                                        "heads",
                                        2,
                                        "feedForwardDim",
                                        32,
                                        "embedDim",
                                        8,
                                        "maxLength",
                                        6));
        Vocabulary vocabulary = Vocabulary.build(List.of("the red cube moved to a new place"), 1);
        Path dir = tmp.resolve("ckpt");
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            CaptioningModel model = CaptioningModel.create(config, vocabulary.size());
            model.initialize(m);
            ModelCheckpoint.save(dir, "decider", 4, model, vocabulary, Map.of("steps", 123));
        }
        return dir;
    }

    @Test
    void shouldTimeCheckpointWeightsWhenCheckpointGiven() throws IOException {
        Path dir = tinyCheckpoint();
        List<String> a =
                new ArrayList<>(
                        List.of(
                                "bench",
                                "speed",
                                "--checkpoint",
                                dir.toString(),
                                "--set",
                                "sampleSteps=2",
                                "--batch-sizes",
                                "1",
                                "--steps-list",
                                "1",
                                "--steps-batch",
                                "1",
                                "--threads",
                                "1",
                                "--matmul-size",
                                "64",
                                "--seconds-per-cell",
                                "0",
                                "--min-reps",
                                "1",
                                "--warmup",
                                "0"));
        Run r = run(a);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(
                r.out()
                        .contains(
                                "weights: diffusion: checkpoint "
                                        + dir
                                        + " (decider v4, 123 training steps)"),
                r.out());
        assertTrue(r.out().contains("autoregressive: fresh seeded weights (untrained"), r.out());
        assertTrue(r.out().contains("DDIM S=2"), r.out());
        assertEquals(1, r.out().split("bench speed: ", -1).length - 1, r.out()); // only decider
    }

    @Test
    void shouldRefuseArchitectureKeyWhenCheckpointGiven() throws IOException {
        Path dir = tinyCheckpoint();
        Run r =
                run(
                        List.of(
                                "bench",
                                "speed",
                                "--checkpoint",
                                dir.toString(),
                                "--set",
                                "modelDim=32"));
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--set modelDim would not fit"), r.err());
    }

    @Test
    void shouldExitWithOneLineWhenModelUnknown() {
        Run r = run(args("--model", "gpt"));
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--model is 'gpt'"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void shouldExitWithOneLineWhenConfigKeyUnknown() {
        Run r = run(args("--model", "decider", "--set", "depth=3"));
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("unknown model config key 'depth'"), r.err());
    }
}
