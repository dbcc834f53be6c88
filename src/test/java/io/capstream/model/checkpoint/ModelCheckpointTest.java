package io.capstream.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.capstream.model.CaptioningModel;
import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import io.capstream.model.text.Vocabulary;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckpointTest {
    @TempDir Path tmp;

    private static final Vocabulary NINE = Vocabulary.build(List.of("a b c d e f g"), 1);

    private Path saved(String name) throws Exception {
        Path dir = tmp.resolve(name);
        try (NDManager m = NDManager.newBaseManager()) {
            CaptioningModel model =
                    ModelTesting.model(ModelTesting.tiny(ModelConfig.Task.IBA_CD), m);
            ModelCheckpoint.save(dir, "iba-cd", 4, model, NINE, Map.of("steps", 12));
        }
        return dir;
    }

    @Test
    void shouldRoundTripNameVersionConfigVocabularyAndMetricsWhenSaved() throws Exception {
        Path dir = saved("ok");
        ModelCheckpoint c = ModelCheckpoint.load(dir);
        assertEquals("iba-cd", c.name());
        assertEquals(4, c.version());
        assertEquals(ModelTesting.tiny(ModelConfig.Task.IBA_CD), c.config());
        assertEquals(NINE, c.vocabulary());
        assertEquals(12, ((Number) c.metrics().get("steps")).intValue());
        assertEquals(dir, c.path());
    }

    @Test
    void shouldNamePathWhenParamsByteIsFlipped() throws Exception {
        Path dir = saved("flip");
        Path params = dir.resolve(ModelCheckpoint.PARAMS);
        byte[] b = Files.readAllBytes(params);
        b[b.length / 2] ^= 1;
        Files.write(params, b);
        CheckpointException e =
                assertThrows(CheckpointException.class, () -> ModelCheckpoint.load(dir));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("model.params is corrupt"), e.getMessage());
    }

    @Test
    void shouldNamePathWhenVocabularyIsMissing() throws Exception {
        Path dir = saved("novocab");
        Files.delete(dir.resolve(ModelCheckpoint.VOCABULARY));
        CheckpointException e =
                assertThrows(CheckpointException.class, () -> ModelCheckpoint.load(dir));
        assertEquals("checkpoint " + dir + ": file vocab.json is missing", e.getMessage());
    }

    @Test
    void shouldRejectParamsWhenVocabularySizeDiffersFromTheModel() throws Exception {
        Path dir = tmp.resolve("mismatch");
        try (NDManager m = NDManager.newBaseManager()) {
            ModelConfig config = ModelTesting.tiny(ModelConfig.Task.IBA_CD);
            CaptioningModel model = ModelTesting.model(config, m); // V = 9
            CheckpointDirectory.write(
                    dir,
                    "iba-cd",
                    1,
                    d -> {
                        config.save(d.resolve(ModelCheckpoint.CONFIG));
                        Vocabulary.build(List.of("a b c d e f g h"), 1) // V = 10
                                .save(d.resolve(ModelCheckpoint.VOCABULARY));
                        try (DataOutputStream out =
                                new DataOutputStream(
                                        Files.newOutputStream(d.resolve(ModelCheckpoint.PARAMS)))) {
                            model.saveParameters(out);
                        }
                    });
        }
        CheckpointException e =
                assertThrows(CheckpointException.class, () -> ModelCheckpoint.load(dir));
        assertTrue(e.getMessage().startsWith("checkpoint " + dir + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("(10 words) need"), e.getMessage());
    }

    @Test
    void shouldRejectConfigWhenItDoesNotMatchTheParams() throws Exception {
        Path dir = tmp.resolve("config");
        try (NDManager m = NDManager.newBaseManager()) {
            CaptioningModel model =
                    ModelTesting.model(ModelTesting.tiny(ModelConfig.Task.IBA_CD), m);
            CheckpointDirectory.write(
                    dir,
                    "iba-cd",
                    1,
                    d -> {
                        ModelTesting.tiny(ModelConfig.Task.IBA_CD, Map.of("modelDim", 32))
                                .save(d.resolve(ModelCheckpoint.CONFIG));
                        NINE.save(d.resolve(ModelCheckpoint.VOCABULARY));
                        try (DataOutputStream out =
                                new DataOutputStream(
                                        Files.newOutputStream(d.resolve(ModelCheckpoint.PARAMS)))) {
                            model.saveParameters(out);
                        }
                    });
        }
        CheckpointException e =
                assertThrows(CheckpointException.class, () -> ModelCheckpoint.load(dir));
        assertTrue(e.getMessage().startsWith("checkpoint " + dir + ": "), e.getMessage());
    }
}
