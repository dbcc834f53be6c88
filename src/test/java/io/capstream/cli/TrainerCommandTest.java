package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** capstream trainer's start-up checks, which fail before any server starts. */
class TrainerCommandTest {
    @TempDir Path tmp;

    private record Run(int exitCode, String err) {}

    private static Run run(String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
        }
    }

    @Test
    void shouldStopNamingTheKeyWhenATrainerValueIsBad() {
        Run r = run("trainer", "--set", "trainer.validation.fraction=0.75");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("'trainer.validation.fraction'"), r.err());
        Run unknown = run("trainer", "--set", "trainer.round.stepz=5");
        assertEquals(2, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("did you mean 'trainer.round.steps'"), unknown.err());
    }

    @Test
    void shouldStopNamingModelStoreWhenItsSchemeIsNotSupported() {
        Run r = run("trainer", "--set", "model.store=s3://bucket/models");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("model.store = s3://bucket/models"), r.err());
        assertTrue(r.err().contains("scheme 's3' is not supported"), r.err());
    }

    @Test
    void shouldStopWhenStoreHasNoCheckpointOfATrainedModel() {
        Run r =
                run(
                        "trainer",
                        "--set",
                        "model.store=" + tmp.toUri(),
                        "--set",
                        "trainer.models=decider");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("has no version of model 'decider'"), r.err());
    }
}
