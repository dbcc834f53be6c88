package io.capstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CheckpointUrisTest {
    @Test
    void shouldResolveFileUrisAndPlainPathsWhenGiven() {
        Path dir = Path.of("/models/decider/v2");
        assertEquals(dir, CheckpointUris.resolve("file:/models/decider/v2"));
        assertEquals(dir, CheckpointUris.resolve("file:///models/decider/v2/"));
        assertEquals(dir, CheckpointUris.resolve("/models/decider/v2"));
        assertEquals(Path.of("models/decider/v2"), CheckpointUris.resolve(" models/decider/v2 "));
    }

    @Test
    void shouldRejectNamingTheUriWhenSchemeOrSyntaxIsWrong() {
        assertProblem("s3://bucket/decider/v2", "scheme 's3' is not supported");
        assertProblem("file://host/decider/v2", "file://host/decider/v2 is not a valid");
        assertProblem("file:/models/a b", "file:/models/a b is not a valid");
        assertProblem("  ", "checkpoint URI is empty");
    }

    private static void assertProblem(String uri, String problem) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CheckpointUris.resolve(uri));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
