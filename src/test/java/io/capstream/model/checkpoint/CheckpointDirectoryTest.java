package io.capstream.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointDirectoryTest {
    @TempDir Path tmp;

    private CheckpointDirectory writeSample(Path dir) {
        return CheckpointDirectory.write(
                dir,
                "decider",
                3,
                d -> {
                    Files.write(d.resolve("model.params"), new byte[] {1, 2, 3, 4});
                    CheckpointDirectory.writeJson(d.resolve("config.json"), Map.of("d", 128));
                });
    }

    @Test
    void shouldVerifyAndExposeFilesWhenReopened() {
        Path dir = tmp.resolve("decider-3");
        writeSample(dir);
        CheckpointDirectory c = CheckpointDirectory.open(dir);
        assertEquals("decider", c.manifest().modelName());
        assertEquals(3, c.manifest().version());
        assertEquals(2, c.manifest().files().size());
        assertEquals(128, ((Number) c.readJson("config.json", Map.class).get("d")).intValue());
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "temp directory left behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldNameFileAndPathWhenAFileIsCorrupt() throws IOException {
        Path dir = tmp.resolve("c");
        writeSample(dir);
        Files.write(dir.resolve("model.params"), new byte[] {1, 2, 3, 5});
        CheckpointException e =
                assertThrows(CheckpointException.class, () -> CheckpointDirectory.open(dir));
        assertEquals(
                "checkpoint "
                        + dir
                        + ": file model.params is corrupt (SHA-256 does not match the manifest)",
                e.getMessage());
    }

    @Test
    void shouldNameMissingFileWhenDeleted() throws IOException {
        Path dir = tmp.resolve("c");
        writeSample(dir);
        Files.delete(dir.resolve("config.json"));
        assertTrue(
                assertThrows(CheckpointException.class, () -> CheckpointDirectory.open(dir))
                        .getMessage()
                        .endsWith("file config.json is missing"));
    }

    @Test
    void shouldRejectDirectoryWhenManifestIsMissingOrGarbage() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bare"));
        assertEquals(
                "checkpoint " + dir + ": has no checkpoint.json",
                assertThrows(CheckpointException.class, () -> CheckpointDirectory.open(dir))
                        .getMessage());
        Files.writeString(dir.resolve("checkpoint.json"), "{not json");
        assertTrue(
                assertThrows(CheckpointException.class, () -> CheckpointDirectory.open(dir))
                        .getMessage()
                        .contains("checkpoint.json is not valid"));
        assertThrows(
                CheckpointException.class, () -> CheckpointDirectory.open(tmp.resolve("none")));
    }

    @Test
    void shouldReplaceOldContentWhenWrittenTwice() {
        Path dir = tmp.resolve("c");
        writeSample(dir);
        CheckpointDirectory.write(
                dir, "decider", 4, d -> Files.writeString(d.resolve("x.txt"), "x"));
        CheckpointDirectory c = CheckpointDirectory.open(dir);
        assertEquals(4, c.manifest().version());
        assertFalse(Files.exists(dir.resolve("model.params")));
    }
}
