package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.data.imports.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandTest {
    @TempDir Path dir;

    /** Exit code, stdout and stderr of one CLI run. */
    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            System.out.flush();
            System.err.flush();
            return new Run(
                    code,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static Map<String, List<String>> readJson(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), new TypeReference<>() {});
    }

    @Test
    void shouldPrintCountsPerSplitWhenInspectingClevrChange() {
        Path ds = Fixtures.clevrChange(dir.resolve("clevr/data")).getParent();

        Run r = run("dataset", "inspect", "--dir", ds.toString());

        assertEquals(0, r.code(), r.err());
        assertEquals(
                String.join(
                        "\n",
                        "dataset: " + ds + " (clevr-change)",
                        "split     pairs  captions  change types",
                        "train         6        12  add=1 color=1 material=1 no-change=3",
                        "val           2         4  drop=1 no-change=1",
                        "test          4         8  move=2 no-change=2",
                        "total        12        24",
                        "skipped: 0 pairs",
                        ""),
                r.out().replace(System.lineSeparator(), "\n"));
        assertEquals("", r.err());
    }

    @Test
    void shouldCountImagesWhenInspectingCocoWithExplicitFormat() {
        Fixtures.coco(dir);

        Run r = run("dataset", "inspect", "--dir", dir.toString(), "--format", "coco");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("split    images  captions  change types"), r.out());
        assertTrue(r.out().contains("train         2         4  -"), r.out());
        assertTrue(r.out().contains("total         4         8"), r.out());
    }

    @Test
    void shouldListProblemsOnStderrWhenInspectingWithSkipBad() throws IOException {
        Fixtures.spotTheDiff(dir);
        Files.delete(dir.resolve("resized_images/10_2.png"));

        Run r = run("dataset", "inspect", "--dir", dir.toString(), "--skip-bad");

        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("train         1         2  -"), r.out());
        assertTrue(r.out().contains("skipped: 1 pairs"), r.out());
        assertEquals(
                "skipped 1 pairs; problems:\n"
                        + "  annotations/train.json: entry \"10\": missing image file"
                        + " resized_images/10_2.png\n",
                r.err().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void shouldExitWithOneLineErrorWhenEntryIsBadAndSkipBadIsOff() throws IOException {
        Fixtures.spotTheDiff(dir);
        Files.delete(dir.resolve("resized_images/10_2.png"));

        Run r = run("dataset", "inspect", "--dir", dir.toString());

        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(
                r.err()
                        .strip()
                        .endsWith(
                                ": annotations/train.json: entry \"10\": missing image file"
                                        + " resized_images/10_2.png"),
                r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void shouldListLookedForLayoutsWhenFormatCannotBeDetected() {
        Run r = run("dataset", "inspect", "--dir", dir.toString());

        assertEquals(2, r.code());
        assertTrue(r.err().contains("no known dataset layout"), r.err());
        assertTrue(r.err().contains("clevr-change: change_captions.json"), r.err());
    }

    @Test
    void shouldRejectUnknownFormatWhenGivenOne() {
        Fixtures.coco(dir);

        Run r = run("dataset", "inspect", "--dir", dir.toString(), "--format", "flickr");

        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format: unknown dataset format 'flickr'"), r.err());
    }

    @Test
    void shouldWriteReferencesAndTypesWhenExportingTestSplit() throws IOException {
        Fixtures.clevrChange(dir.resolve("ds"));
        Path refs = dir.resolve("eval/refs.json");
        Path types = dir.resolve("eval/types.json");

        Run r =
                run(
                        "dataset",
                        "refs",
                        "--dir",
                        dir.resolve("ds").toString(),
                        "--split",
                        "test",
                        "--out",
                        refs.toString(),
                        "--types-out",
                        types.toString());

        assertEquals(0, r.code(), r.err());
        assertEquals(
                List.of("000004.png", "000004.png_n", "000005.png", "000005.png_n"),
                List.copyOf(readJson(refs).keySet()));
        assertEquals(
                List.of("the object changed 5", "object 5 moved"),
                readJson(refs).get("000005.png"));
        assertEquals(
                Map.of(
                        "move", List.of("000004.png", "000005.png"),
                        "no-change", List.of("000004.png_n", "000005.png_n")),
                readJson(types));
        assertTrue(r.out().contains("wrote references of 4 pairs (test) to " + refs), r.out());
        assertTrue(r.out().contains("wrote 2 change types to " + types), r.out());
    }

    @Test
    void shouldExportOnlyTheSplitWhenOtherSplitsHaveBadEntries() throws IOException {
        Fixtures.coco(dir);
        Files.delete(dir.resolve("images/toon_1.png")); // train only
        Path refs = dir.resolve("refs.json");

        Run r =
                run(
                        "dataset",
                        "refs",
                        "--dir",
                        dir.toString(),
                        "--split",
                        "val",
                        "--out",
                        refs.toString());

        assertEquals(0, r.code(), r.err());
        assertEquals(
                Map.of("7", List.of("A cat jumps over box 7.", "a cat jumps")), readJson(refs));
    }

    @Test
    void shouldRefuseTypesOutWhenDatasetHasNoChangeTypes() {
        Fixtures.spotTheDiff(dir);
        Path types = dir.resolve("types.json");

        Run r =
                run(
                        "dataset",
                        "refs",
                        "--dir",
                        dir.toString(),
                        "--split",
                        "test",
                        "--out",
                        dir.resolve("refs.json").toString(),
                        "--types-out",
                        types.toString());

        assertEquals(2, r.code());
        assertTrue(r.err().contains("--types-out: spot-the-diff has no change types"), r.err());
        assertFalse(Files.exists(types));
    }

    @Test
    void shouldRejectUnknownSplitWhenExporting() {
        Fixtures.coco(dir);

        Run r =
                run(
                        "dataset",
                        "refs",
                        "--dir",
                        dir.toString(),
                        "--split",
                        "holdout",
                        "--out",
                        dir.resolve("r.json").toString());

        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown split 'holdout'"), r.err());
    }
}
