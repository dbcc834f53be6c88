package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.data.clevr.ClevrChangeGenerator;
import io.capstream.data.toons.ToonDatasetConfig;
import io.capstream.data.toons.ToonDatasetGenerator;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.util.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, caption and model on tiny generated datasets with a tiny model (seconds each). */
class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A model small enough to train a few steps in well under a second. */
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
                    "projectionDim=8",
                    "--set",
                    "sampleSteps=2",
                    "--set",
                    "denoiserLayers=1",
                    "--batch-size",
                    "4",
                    "--threads",
                    "1");

    @TempDir static Path tmp;
    static Path clevr;
    static Path toons;

    private record Run(int exitCode, String out, String err) {}

    @BeforeAll
    static void generate() throws IOException {
        clevr = tmp.resolve("clevr");
        ClevrChangeGenerator.builder()
                .setPairs(10)
                .setOutput(clevr)
                .optImageSize(32)
                .optValFraction(0.2)
                .optTestFraction(0.2)
                .build()
                .generate();
        toons = tmp.resolve("toons");
        ToonDatasetGenerator.generate(
                ToonDatasetConfig.builder().setImages(20).setOut(toons).optSize(32).build(),
                new Progress("toons", 20, new PrintStream(new ByteArrayOutputStream()), false));
    }

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

    private static List<String> args(String... a) {
        return new ArrayList<>(List.of(a));
    }

    private static Map<String, Object> json(Path file) throws IOException {
        return JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
    }

    @Test
    void shouldTrainCaptionListAndPromoteWhenGivenAClevrDataset() throws IOException {
        Path store = tmp.resolve("store");
        List<String> train =
                args(
                        "train",
                        "--model",
                        "decider",
                        "--dataset",
                        clevr.toString(),
                        "--steps",
                        "4",
                        "--validate-every",
                        "2",
                        "--out",
                        store.toString());
        train.addAll(TINY);
        Run t = run(train);
        assertEquals(0, t.exitCode(), t.err());
        assertEquals(1, t.out().strip().lines().count(), t.out());
        Path dir = store.resolve("decider/v1");
        assertTrue(t.out().startsWith("wrote decider v1 to " + dir), t.out());
        assertTrue(t.out().contains("CIDEr-D"), t.out());
        ModelCheckpoint c = ModelCheckpoint.load(dir);
        assertEquals(16, c.config().imageSize());
        assertTrue(String.valueOf(c.metrics().get("command")).contains("--steps 4"));

        Path hyps = tmp.resolve("hyps.json");
        Run cap =
                run(
                        args(
                                "caption",
                                "--model",
                                "decider",
                                "--checkpoint",
                                dir.toString(),
                                "--dataset",
                                clevr.toString(),
                                "--out",
                                hyps.toString(),
                                "--batch-size",
                                "3"));
        assertEquals(0, cap.exitCode(), cap.err());
        assertEquals("", cap.out());
        assertEquals(json(clevr.resolve("eval/refs_test.json")).keySet(), json(hyps).keySet());

        Run second = run(train);
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().startsWith("wrote decider v2"), second.out());
        Run list = run(args("model", "list", "--store", store.toString()));
        assertEquals("decider v1 v2*", list.out().strip());
        Run promote = run(args("model", "promote", "decider", "v1", "--store", store.toString()));
        assertEquals(0, promote.exitCode(), promote.err());
        assertEquals(
                "decider v1* v2",
                run(args("model", "list", "--store", store.toString())).out().strip());
        Run missing = run(args("model", "promote", "decider", "7", "--store", store.toString()));
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("v7"), missing.err());
    }

    @Test
    void shouldResumeAnAblatedIbaCdRunWhenAskedForMoreSteps() throws IOException {
        Path first = tmp.resolve("iba/iba-cd/v1");
        List<String> train =
                args(
                        "train",
                        "--model",
                        "iba-cd",
                        "--dataset",
                        toons.toString(),
                        "--steps",
                        "3",
                        "--out",
                        first.toString(),
                        "--no-ib",
                        "--stages",
                        "1");
        train.addAll(TINY);
        Run t = run(train);
        assertEquals(0, t.exitCode(), t.err());
        ModelCheckpoint c = ModelCheckpoint.load(first);
        assertEquals(false, c.config().ib());
        assertEquals(1, c.config().stages());

        Path second = tmp.resolve("iba/iba-cd/v2");
        Run resumed =
                run(
                        args(
                                "train",
                                "--model",
                                "iba-cd",
                                "--dataset",
                                toons.toString(),
                                "--steps",
                                "5",
                                "--resume",
                                first.toString(),
                                "--out",
                                second.toString(),
                                "--batch-size",
                                "4"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        Map<String, Object> metrics = ModelCheckpoint.load(second).metrics();
        assertEquals(3, ((Number) metrics.get("resumedFromStep")).intValue());
        assertEquals(5, ((Number) metrics.get("steps")).intValue());
    }

    @Test
    void shouldNameTheOptionWhenInputIsBad() {
        Run model = run(args("train", "--model", "gpt", "--dataset", clevr.toString()));
        assertEquals(2, model.exitCode());
        assertTrue(model.err().contains("--model 'gpt'"), model.err());

        Path none = tmp.resolve("none");
        Run dataset = run(args("train", "--model", "decider", "--dataset", none.toString()));
        assertEquals(2, dataset.exitCode());
        assertTrue(dataset.err().contains(none + ": no such dataset directory"), dataset.err());

        Run key =
                run(
                        args(
                                "train",
                                "--model",
                                "decider",
                                "--dataset",
                                clevr.toString(),
                                "--set",
                                "width=3"));
        assertEquals(2, key.exitCode());
        assertTrue(key.err().contains("'width'"), key.err());

        Run checkpoint =
                run(
                        args(
                                "caption",
                                "--model",
                                "decider",
                                "--checkpoint",
                                none.toString(),
                                "--dataset",
                                clevr.toString(),
                                "--out",
                                tmp.resolve("h.json").toString()));
        assertEquals(2, checkpoint.exitCode());
        assertTrue(checkpoint.err().contains("checkpoint " + none), checkpoint.err());
        assertEquals("", checkpoint.out());

        Run split =
                run(
                        args(
                                "caption",
                                "--model",
                                "decider",
                                "--dataset",
                                clevr.toString(),
                                "--split",
                                "dev",
                                "--out",
                                tmp.resolve("h.json").toString()));
        assertEquals(2, split.exitCode());
        assertTrue(split.err().contains("--split"), split.err());
    }
}
