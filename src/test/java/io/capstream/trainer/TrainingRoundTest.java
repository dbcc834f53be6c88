package io.capstream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.training.Trainer;
import io.capstream.training.TrainerConfig;
import io.capstream.training.TrainingSample;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One round on a tiny iba-cd model in a temporary store (seconds). */
class TrainingRoundTest {
    private static final String[] COLOURS = {"red", "green", "blue"};
    private static final int SIZE = 16;

    @TempDir Path dir;
    private ModelStore store;

    /** Pictures of one colour, captioned with it. */
    private static List<TrainingSample> colours(String prefix, int n, long seed) {
        Random r = new Random(seed);
        List<TrainingSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int c = i % COLOURS.length;
            byte[] px = new byte[3 * SIZE * SIZE];
            for (int ch = 0; ch < 3; ch++) {
                for (int k = 0; k < SIZE * SIZE; k++) {
                    px[ch * SIZE * SIZE + k] = (byte) ((ch == c ? 200 : 30) + r.nextInt(40));
                }
            }
            out.add(
                    new TrainingSample(
                            prefix + i,
                            SIZE,
                            List.of(px),
                            List.of("a " + COLOURS[c] + " picture")));
        }
        return out;
    }

    private static TrainerSettings settings(double minImprovement) {
        return new TrainerSettings(
                List.of("iba-cd"),
                "g",
                1,
                Duration.ZERO,
                3,
                4,
                1e-3f,
                100,
                0.2,
                50,
                minImprovement,
                false,
                "cpu");
    }

    private static ModelLane.RoundInput input(int train, int held) {
        return new ModelLane.RoundInput(
                colours("t", train, 2),
                colours("h", held, 3),
                train,
                held,
                Map.of(new TopicPartition("x.labeled-images", 0), new OffsetAndMetadata(42)));
    }

    @BeforeEach
    void currentCheckpoint() {
        store = ModelStore.at(dir);
        ModelConfig tiny = ModelTesting.tiny(ModelConfig.Task.IBA_CD);
        new Trainer(
                        TrainerConfig.builder()
                                .setModelConfig(tiny)
                                .optSteps(10)
                                .optBatchSize(4)
                                .optDevice("cpu")
                                .optSaveTrainingState(false)
                                .optProgress(false)
                                .build())
                .train(colours("v1-", 12, 1), List.of(), store.path("iba-cd", 1), "iba-cd", 1);
    }

    @Test
    void shouldWriteNextVersionAndKeepItUnpublishedWhenItDoesNotGainEnough() {
        TrainingRound.Result r =
                TrainingRound.run(store, "iba-cd", SIZE, input(10, 4), settings(100));
        assertEquals(2, r.version());
        assertEquals(1, r.previousVersion());
        assertFalse(r.decision().publish());
        assertTrue(r.decision().reason().contains("trainer.publish.min.improvement"));
        assertEquals(1, store.current("iba-cd"), "a round never promotes by itself");
        assertEquals(3, r.losses().size());
        assertTrue(r.before().isPresent() && r.after().isPresent());
        assertEquals(4, r.after().get().samples());
        ModelCheckpoint c = ModelCheckpoint.load(store.path("iba-cd", 2));
        assertEquals(
                ModelCheckpoint.load(store.path("iba-cd", 1)).vocabulary().words(),
                c.vocabulary().words());
        Map<?, ?> round = (Map<?, ?>) c.metrics().get("round");
        assertEquals(10, round.get("trainedOnEvents"));
        assertEquals(4, round.get("heldOutEvents"));
        assertEquals(1, round.get("fineTunedFromVersion"));
        assertEquals(Map.of("x.labeled-images-0", 42), round.get("offsets"));
        assertEquals(r.before().get().scores(), round.get("validationBefore"));
        assertFalse(c.hasFile("train-weights.params"), "served checkpoints need no resume state");
    }

    @Test
    void shouldDecideToPublishWhenLossIsTolerated() {
        TrainingRound.Result r =
                TrainingRound.run(store, "iba-cd", SIZE, input(8, 3), settings(-100));
        assertTrue(r.decision().publish(), r.decision().reason());
        assertEquals(2, r.version());
    }

    @Test
    void shouldNotPublishWhenThereIsNoHeldOutSlice() {
        TrainingRound.Result r =
                TrainingRound.run(store, "iba-cd", SIZE, input(8, 0), settings(-100));
        assertFalse(r.decision().publish());
        assertTrue(r.before().isEmpty() && r.after().isEmpty());
    }

    @Test
    void shouldAskForRestartWhenCurrentCheckpointTakesAnotherImageSize() {
        UserInputException e =
                assertThrows(
                        UserInputException.class,
                        () -> TrainingRound.run(store, "iba-cd", 32, input(8, 2), settings(0)));
        assertTrue(e.getMessage().contains("restart the trainer"), e.getMessage());
        assertEquals(List.of(1), store.versions("iba-cd"));
    }
}
