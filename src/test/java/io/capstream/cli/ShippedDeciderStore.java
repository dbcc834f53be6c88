package io.capstream.cli;

import io.capstream.model.checkpoint.ModelCheckpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model store of two decider versions for the promote tests: the shipped {@code decider} v1
 * (trained, with validation scores in its metrics) written again with the {@link ModelCheckpoint}
 * API as v1 and v2 of a temporary store, without CURRENT (so v2 is served).
 */
final class ShippedDeciderStore {
    private ShippedDeciderStore() {}

    static Path create(Path store) throws IOException {
        ModelCheckpoint shipped = ModelCheckpoint.load(Path.of("models/decider/v1"));
        byte[] params = Files.readAllBytes(shipped.file(ModelCheckpoint.PARAMS));
        for (int version = 1; version <= 2; version++) {
            ModelCheckpoint.write(
                    store.resolve("decider").resolve("v" + version),
                    "decider",
                    version,
                    shipped.config(),
                    shipped.vocabulary(),
                    shipped.metrics(),
                    params,
                    dir -> {});
        }
        return store;
    }
}
