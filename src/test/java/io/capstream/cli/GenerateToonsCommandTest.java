package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateToonsCommandTest {
    @TempDir Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new GenerateToonsCommand());
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void shouldWriteTheDatasetWhenOptionsAreValid() {
        Path dir = tmp.resolve("toons");
        int code = run("--images", "6", "--out", dir.toString(), "--seed", "3", "--size", "48");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("wrote 6 toon images"), out.toString());
        assertTrue(Files.isRegularFile(dir.resolve("images/toon_000006.png")));
        assertTrue(Files.isRegularFile(dir.resolve("annotations/captions_train.json")));
        assertTrue(Files.isRegularFile(dir.resolve("eval/refs_test.json")));
        assertTrue(Files.isRegularFile(dir.resolve("ground_truth.json")));
    }

    @Test
    void shouldPrintOneLineAndExitTwoWhenImagesIsZero() {
        int code = run("--images", "0", "--out", tmp.resolve("x").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--images must be between 1 and"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
        assertFalse(Files.exists(tmp.resolve("x")), "nothing is written for bad options");
    }

    @Test
    void shouldShowUsageWhenARequiredOptionIsMissing() {
        int code = run("--out", tmp.resolve("x").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--images"), err.toString());
    }

    @Test
    void shouldNameTheFractionsWhenTheyLeaveNoTrainingImages() {
        int code =
                run(
                        "--images", "10",
                        "--out", tmp.resolve("x").toString(),
                        "--val-fraction", "0.6",
                        "--test-fraction", "0.4");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--val-fraction"), err.toString());
    }
}
