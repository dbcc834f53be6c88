package io.capstream.worker;

import ai.djl.ndarray.NDManager;
import io.capstream.model.CaptioningModel;
import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Real checkpoints of tiny models for the live-update tests: written with the {@link
 * ModelCheckpoint} API into a model store laid out like the shipped one ({@code STORE/decider/v1}),
 * so the worker loads them exactly as it loads trained ones, in milliseconds.
 */
final class TestCheckpoints {
    private TestCheckpoints() {}

    /**
     * Saves a tiny {@code decider} with fresh weights drawn from {@code seed}.
     *
     * @return the checkpoint directory {@code store/decider/v<version>}
     */
    static Path decider(Path store, int version, long seed) throws IOException {
        ModelConfig config =
                ModelTesting.tiny(ModelConfig.Task.DECIDER).withOverrides(Map.of("seed", seed));
        Path dir = store.resolve("decider").resolve("v" + version);
        try (NDManager m = NDManager.newBaseManager()) {
            CaptioningModel model = ModelTesting.model(config, m);
            ModelCheckpoint.save(
                    dir,
                    "decider",
                    version,
                    model,
                    Vocabulary.build(List.of("a b c d e f g"), 1),
                    Map.of("best", Map.of("scores", Map.of("CIDEr-D", 0.1 * version))));
        }
        return dir;
    }

    /**
     * Saves a {@code decider} checkpoint whose {@code model.params} is then cut in half, as a copy
     * interrupted mid-file leaves it: its hash no longer matches the manifest.
     */
    static Path truncatedDecider(Path store, int version, long seed) throws IOException {
        Path dir = decider(store, version, seed);
        Path params = dir.resolve(ModelCheckpoint.PARAMS);
        byte[] bytes = Files.readAllBytes(params);
        Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        return dir;
    }
}
