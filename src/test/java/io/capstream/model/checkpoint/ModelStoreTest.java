package io.capstream.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.util.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    @TempDir Path tmp;

    @Test
    void shouldServeHighestVersionUntilAnotherIsPromoted() throws Exception {
        ModelStore store = ModelStore.at(tmp);
        assertEquals(List.of(), store.versions("decider"));
        assertEquals(1, store.nextVersion("decider"));
        for (int v : new int[] {2, 10, 1}) {
            Files.createDirectories(store.path("decider", v));
        }
        Files.createDirectories(tmp.resolve("decider/v3.tmp-12")); // an interrupted write
        assertEquals(List.of(1, 2, 10), store.versions("decider"));
        assertEquals(10, store.current("decider"));
        assertEquals(11, store.nextVersion("decider"));
        store.promote("decider", 2);
        assertEquals(2, store.current("decider"));
        assertEquals("2", Files.readString(tmp.resolve("decider/CURRENT")).strip());
        assertEquals(List.of("decider"), store.names());
        assertEquals(tmp.resolve("decider").resolve("v2"), store.path("decider", 2));
    }

    @Test
    void shouldRefuseWhenPromotingOrServingAMissingVersion() throws Exception {
        ModelStore store = ModelStore.at(tmp);
        UserInputException none =
                assertThrows(UserInputException.class, () -> store.current("iba-cd"));
        assertTrue(none.getMessage().contains("iba-cd"), none.getMessage());
        Files.createDirectories(store.path("iba-cd", 1));
        UserInputException missing =
                assertThrows(UserInputException.class, () -> store.promote("iba-cd", 5));
        assertTrue(missing.getMessage().contains("v5"), missing.getMessage());
        Files.writeString(tmp.resolve("iba-cd/CURRENT"), "7\n");
        assertThrows(UserInputException.class, () -> store.current("iba-cd"));
    }

    @Test
    void shouldResolveStoreWhenConfiguredByPathOrUri() {
        assertEquals(tmp, ModelStore.fromConfig(tmp.toString()).root());
        assertEquals(tmp, ModelStore.fromConfig(tmp.toUri().toString()).root());
        assertEquals("models", ModelStore.fromConfig("").root().getFileName().toString());
        assertEquals(ModelStore.shipped().root(), ModelStore.fromConfig(" ").root());
        UserInputException e =
                assertThrows(UserInputException.class, () -> ModelStore.fromConfig("s3://x"));
        assertTrue(e.getMessage().contains("model.store"), e.getMessage());
    }
}
