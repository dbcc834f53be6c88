package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateClevrChangeCommandTest {
    /** Runs the CLI and returns stderr; stdout is left alone. */
    private static String runCapturingErr(int expectedExit, String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedExit, Main.run(args), String.join(" ", args));
        } finally {
            System.setErr(saved);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteTheDatasetWhenRunFromTheCommandLine(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("data");

        runCapturingErr(
                0,
                "generate",
                "clevr-change",
                "--pairs",
                "6",
                "--out",
                out.toString(),
                "--seed",
                "5",
                "--size",
                "96",
                "--val-fraction",
                "0.2",
                "--test-fraction",
                "0.2");

        assertTrue(Files.isRegularFile(out.resolve("images/CLEVR_default_000005.png")));
        assertTrue(Files.isRegularFile(out.resolve("sc_images/CLEVR_semantic_000005.png")));
        assertTrue(Files.isRegularFile(out.resolve("nsc_images/CLEVR_nonsemantic_000005.png")));
        for (String f :
                new String[] {
                    "change_captions.json", "no_change_captions.json", "splits.json",
                    "type_mapping.json", "ground_truth.json", "eval/refs_test.json",
                    "eval/types_val.json"
                }) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(
                Files.readString(out.resolve("ground_truth.json")).contains("\"image_size\": 96"));

        Path again = tmp.resolve("again");
        runCapturingErr(
                0,
                "generate",
                "clevr-change",
                "--pairs",
                "6",
                "--out",
                again.toString(),
                "--seed",
                "5",
                "--size",
                "96",
                "--val-fraction",
                "0.2",
                "--test-fraction",
                "0.2");
        assertArrayEquals(
                Files.readAllBytes(out.resolve("ground_truth.json")),
                Files.readAllBytes(again.resolve("ground_truth.json")));
    }

    @Test
    void shouldExitWithOneLineErrorWhenAnOptionIsInvalid(@TempDir Path tmp) {
        String err =
                runCapturingErr(
                        2,
                        "generate",
                        "clevr-change",
                        "--pairs",
                        "3",
                        "--out",
                        tmp.resolve("x").toString(),
                        "--val-fraction",
                        "0.7",
                        "--test-fraction",
                        "0.4");
        assertTrue(err.contains("val fraction + test fraction"), err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    @Test
    void shouldRefuseANonEmptyOutputUnlessForced(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("other.txt"), "x");
        String err =
                runCapturingErr(
                        2, "generate", "clevr-change", "--pairs", "2", "--out", tmp.toString());
        assertTrue(err.contains("not empty"), err);

        runCapturingErr(
                0, "generate", "clevr-change", "--pairs", "2", "--out", tmp.toString(), "--force");
        assertTrue(Files.isRegularFile(tmp.resolve("splits.json")));
    }

    @Test
    void shouldExplainTwoPairsPerIndexWhenHelpIsShown() {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("generate", "clevr-change", "--help"));
        } finally {
            System.setOut(saved);
        }
        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertTrue(help.contains("N indices give 2N captioned pairs"), help);
        assertTrue(help.contains("--pairs"), help);
    }
}
