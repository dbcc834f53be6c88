package io.capstream.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.util.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairFilesTest {
    @TempDir Path dir;

    private Path touch(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.write(p, new byte[] {1});
    }

    @Test
    void shouldPairBeforeAndAfterByNameWhenNoManifestExists() throws Exception {
        Path b1 = touch("gate_before.png");
        Path a1 = touch("gate_after.jpg");
        Path b2 = touch("cam2/door_before.png");
        Path a2 = touch("cam2/door_after.png");
        touch("notes.png"); // neither before nor after: ignored
        List<PairFiles.PairFile> pairs = PairFiles.list(dir);
        assertEquals(
                List.of(
                        new PairFiles.PairFile("cam2/door", b2, a2, Optional.empty()),
                        new PairFiles.PairFile("gate", b1, a1, Optional.empty())),
                pairs);
    }

    @Test
    void shouldNameTheImageWhenItsCounterpartIsMissing() throws Exception {
        touch("gate_before.png");
        touch("door_before.png");
        touch("door_after.png");
        var e = assertThrows(UserInputException.class, () -> PairFiles.list(dir));
        assertTrue(
                e.getMessage().contains("gate_before.png has no matching gate_after"),
                e.getMessage());
    }

    @Test
    void shouldReadManifestWithHeaderCommentsAndSourceWhenPresent() throws Exception {
        Path b = touch("x/1.png");
        Path a = touch("y/1.png");
        Files.writeString(
                dir.resolve(PairFiles.MANIFEST),
                "id,before,after,source\n# a comment\n\np1, x/1.png , y/1.png,cam-9\np2,x/1.png,y/1.png\n");
        List<PairFiles.PairFile> pairs = PairFiles.list(dir);
        assertEquals(
                List.of(
                        new PairFiles.PairFile("p1", b, a, Optional.of("cam-9")),
                        new PairFiles.PairFile("p2", b, a, Optional.empty())),
                pairs);
    }

    @Test
    void shouldNameManifestLineWhenItIsMalformedOrItsImageIsMissing() throws Exception {
        touch("b.png");
        Files.writeString(dir.resolve(PairFiles.MANIFEST), "p1,b.png\n");
        var e = assertThrows(UserInputException.class, () -> PairFiles.list(dir));
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "pairs.csv line 1: expected id,before,after[,source], got 2 fields"),
                e.getMessage());
        Files.writeString(
                dir.resolve(PairFiles.MANIFEST), "id,before,after\np1,b.png,missing.png\n");
        e = assertThrows(UserInputException.class, () -> PairFiles.list(dir));
        assertTrue(e.getMessage().contains("pairs.csv line 2: image "), e.getMessage());
        assertTrue(e.getMessage().endsWith("missing.png does not exist"), e.getMessage());
    }

    @Test
    void shouldExplainBothConventionsWhenDirectoryHasNoPair() throws Exception {
        touch("alone.png");
        var e = assertThrows(UserInputException.class, () -> PairFiles.list(dir));
        assertTrue(e.getMessage().contains("X_before.png / X_after.png"), e.getMessage());
        assertTrue(e.getMessage().contains("pairs.csv"), e.getMessage());
    }
}
