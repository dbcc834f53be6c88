package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    private static final List<String> METRIC_KEYS =
            List.of("BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4", "METEOR", "ROUGE-L", "CIDEr-D");

    @TempDir Path dir;
    private Path refs;
    private Path hyps;

    /** What one command printed and returned. */
    private record Run(int exitCode, String out, String err) {}

    @BeforeEach
    void writeInputs() throws IOException {
        refs =
                Files.writeString(
                        dir.resolve("refs.json"),
                        "{\"1\": [\"A small red cube moved.\", \"The red cube has moved.\"],"
                                + " \"2\": [\"There is no change.\"],"
                                + " \"3\": [\"The sphere turned green.\", \"A sphere became green.\"]}");
        hyps =
                Files.writeString(
                        dir.resolve("hyps.json"),
                        "{\"1\": \"the red cube moved\", \"2\": \"there is no change\","
                                + " \"3\": \"a sofa turned green\"}");
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(
                    code,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void shouldPrintExactlySevenMetricKeysWhenJsonRequested() throws IOException {
        Run r = run("eval", "--refs", refs.toString(), "--hyps", hyps.toString(), "--json");

        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(METRIC_KEYS, keys);
        assertEquals(1, r.out().strip().lines().count(), r.out());
        for (String key : METRIC_KEYS) {
            assertTrue(json.get(key).isNumber(), key);
        }
        assertTrue(json.get("BLEU-1").asDouble() > 0 && json.get("BLEU-1").asDouble() <= 1);
    }

    @Test
    void shouldPrintTableWhenJsonNotRequested() {
        Run r = run("eval", "--refs", refs.toString(), "--hyps", hyps.toString());

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("3 images"), r.out());
        for (String key : METRIC_KEYS) {
            assertTrue(r.out().contains(key), key + " missing from\n" + r.out());
        }
        assertTrue(r.out().contains("no paraphrase table"), r.out());
    }

    @Test
    void shouldAddByTypeKeyWhenTypesGiven() throws IOException {
        Path types = Files.writeString(dir.resolve("types.json"), "{\"move\": [\"1\", \"77\"]}");

        Run r =
                run(
                        "eval",
                        "--refs",
                        refs.toString(),
                        "--hyps",
                        hyps.toString(),
                        "--by-type",
                        types.toString(),
                        "--json");

        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(8, json.size());
        JsonNode byType = json.get("by_type");
        assertEquals(List.of("move", "other"), fieldNames(byType));
        assertEquals(METRIC_KEYS, fieldNames(byType.get("other")));
    }

    @Test
    void shouldFailWithOneLineNamingIdWhenHypothesisIdIsMissingFromReferences() throws IOException {
        Path extra =
                Files.writeString(
                        dir.resolve("extra.json"),
                        "{\"1\": \"a\", \"2\": \"b\", \"3\": \"c\", \"42\": \"d\"}");

        Run r = run("eval", "--refs", refs.toString(), "--hyps", extra.toString(), "--json");

        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals(
                "capstream eval: id \"42\" is in " + extra + " but missing from " + refs,
                r.err().strip());
    }

    @Test
    void shouldFailNamingIdWhenReferenceIdHasNoHypothesis() throws IOException {
        Path fewer = Files.writeString(dir.resolve("fewer.json"), "{\"1\": \"a\", \"2\": \"b\"}");

        Run r = run("eval", "--refs", refs.toString(), "--hyps", fewer.toString());

        assertEquals(2, r.exitCode());
        assertEquals(
                "capstream eval: id \"3\" is in " + refs + " but missing from " + fewer,
                r.err().strip());
    }

    @Test
    void shouldFailNamingFileWhenJsonIsMalformed() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"1\": \"a\"");

        Run r = run("eval", "--refs", refs.toString(), "--hyps", broken.toString());

        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("capstream eval: " + broken + ": not valid JSON"), r.err());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
