package io.capstream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docker/seed-model-store.sh, which fills the shared model store in compose and Kubernetes.
 */
class SeedModelStoreTest {
    private static final Path SCRIPT = Path.of("docker/seed-model-store.sh").toAbsolutePath();

    @TempDir Path dir;

    @Test
    void shouldCopyMissingVersionsAndKeepPromotedVersionWhenStoreIsShared() throws Exception {
        Path shipped = shipped();
        Path store = dir.resolve("store");
        write(store.resolve("decider/v2/model.params"), "trained");
        write(store.resolve("decider/CURRENT"), "2");

        assertEquals(0, seed(store, shipped).waitFor());

        assertEquals("shipped-1", read(store.resolve("decider/v1/model.params")));
        assertEquals("trained", read(store.resolve("decider/v2/model.params")));
        assertEquals("2", read(store.resolve("decider/CURRENT")), "a promotion must survive");
        assertEquals("card", read(store.resolve("decider/MODEL_CARD.md")));
        assertEquals("cd-1", read(store.resolve("iba-cd/v1/model.params")));
        assertEquals("1", read(store.resolve("iba-cd/CURRENT")));
    }

    @Test
    void shouldLeaveCompleteCheckpointsWhenPodsSeedAtOnce() throws Exception {
        Path shipped = shipped();
        Path store = dir.resolve("store");
        List<Process> pods = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pods.add(seed(store, shipped));
        }
        for (Process p : pods) {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "seed script did not finish");
            assertEquals(0, p.exitValue());
        }
        assertEquals("shipped-1", read(store.resolve("decider/v1/model.params")));
        assertEquals("cd-1", read(store.resolve("iba-cd/v1/model.params")));
        try (Stream<Path> all = Files.walk(store)) {
            assertEquals(
                    List.of(),
                    all.filter(p -> p.getFileName().toString().startsWith(".seed-")).toList(),
                    "temporary copies left behind");
        }
    }

    @Test
    void shouldFailNamingTheProblemWhenNoStoreIsGiven() throws Exception {
        Process p = new ProcessBuilder("sh", SCRIPT.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor());
        assertTrue(out.contains("no store given"), out);
    }

    private Path shipped() throws IOException {
        Path shipped = dir.resolve("shipped");
        write(shipped.resolve("decider/v1/model.params"), "shipped-1");
        write(shipped.resolve("decider/v1/config.json"), "{}");
        write(shipped.resolve("decider/CURRENT"), "1");
        write(shipped.resolve("decider/MODEL_CARD.md"), "card");
        write(shipped.resolve("iba-cd/v1/model.params"), "cd-1");
        write(shipped.resolve("iba-cd/CURRENT"), "1");
        return shipped;
    }

    private static Process seed(Path store, Path shipped) throws IOException {
        ProcessBuilder pb =
                new ProcessBuilder("sh", SCRIPT.toString(), store.toString(), shipped.toString());
        pb.environment().remove("CAPSTREAM_MODEL_STORE");
        return pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
