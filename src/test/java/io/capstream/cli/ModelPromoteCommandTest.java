package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.checkpoint.ModelStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code model promote} without a Kafka cluster: CURRENT, and the errors naming the store. */
class ModelPromoteCommandTest {
    @TempDir Path tmp;
    private Path store;

    private record Run(int exitCode, String err) {}

    @BeforeEach
    void store() throws Exception {
        store = ShippedDeciderStore.create(tmp.resolve("store"));
    }

    private Run promote(String... args) {
        List<String> all = new ArrayList<>(List.of("model", "promote"));
        all.addAll(List.of(args));
        all.addAll(List.of("--store", store.toString()));
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(all.toArray(new String[0])), err.toString());
    }

    private String current() throws Exception {
        Path f = store.resolve("decider").resolve(ModelStore.CURRENT);
        return Files.exists(f) ? Files.readString(f).strip() : "";
    }

    @Test
    void shouldRewriteCurrentAndSayItIsNotAnnouncedWhenNoClusterIsConfigured() throws Exception {
        Run r = promote("decider", "v1");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("1", current());
        assertTrue(r.err().contains("promoted decider v1 in " + store + " (was v2)"), r.err());
        assertTrue(r.err().contains("not announced (no bootstrap.servers"), r.err());

        Run quiet = promote("decider", "2", "--no-announce");
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertEquals("2", current());
        assertTrue(quiet.err().contains("not announced (--no-announce)"), quiet.err());
    }

    @Test
    void shouldFailNamingTheStoreWhenModelOrVersionIsUnknown() throws Exception {
        Run model = promote("decidr", "1");
        assertEquals(2, model.exitCode());
        assertTrue(
                model.err().contains("model store " + store + " has no model 'decidr'"),
                model.err());
        assertTrue(model.err().contains("[decider]"), model.err());

        Run version = promote("decider", "7");
        assertEquals(2, version.exitCode());
        assertTrue(
                version.err().contains(store.resolve("decider/v7") + " does not exist"),
                version.err());
        assertTrue(version.err().contains("versions: [1, 2]"), version.err());

        Run notNumber = promote("decider", "latest");
        assertEquals(2, notNumber.exitCode());
        assertTrue(notNumber.err().contains("VERSION 'latest' is not a number"), notNumber.err());
        assertEquals("", current());
    }

    @Test
    void shouldRefuseCorruptCheckpointAndLeaveCurrentAsItWas() throws Exception {
        Path params = store.resolve("decider/v1").resolve(ModelCheckpoint.PARAMS);
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Run r = promote("decider", "1");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("cannot promote decider v1"), r.err());
        assertTrue(r.err().contains("model.params is corrupt"), r.err());
        assertEquals("", current());
    }

    @Test
    void shouldFailBeforeRewritingCurrentWhenOnlyTheBrokerIsConfigured() throws Exception {
        Run r = promote("decider", "1", "--set", "bootstrap.servers=127.0.0.1:1");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("set both bootstrap.servers and schema.registry.url"), r.err());
        assertEquals("", current());
    }

    @Test
    void shouldReadScoresOfTheBestValidationWhenMetricsHaveThem() {
        assertEquals(
                Map.of("CIDEr-D", 0.5),
                ModelAnnouncement.validationScores(
                        Map.of(
                                "best", Map.of("scores", Map.of("CIDEr-D", 0.5)),
                                "validation", List.of(Map.of("scores", Map.of("CIDEr-D", 0.2))))));
        assertEquals(
                Map.of("BLEU-4", 0.25),
                ModelAnnouncement.validationScores(
                        Map.of(
                                "validation",
                                List.of(
                                        Map.of("scores", Map.of("BLEU-4", 0.1)),
                                        Map.of("scores", Map.of("BLEU-4", 0.25, "note", "x"))))));
        assertEquals(Map.of(), ModelAnnouncement.validationScores(Map.of("steps", 3)));
    }
}
