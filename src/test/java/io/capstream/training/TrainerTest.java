package io.capstream.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.model.ModelConfig;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private static final ModelConfig.Task IBA = ModelConfig.Task.IBA_CD;

    @TempDir Path tmp;

    private static double mean(List<Float> xs, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += xs.get(i);
        }
        return s / (to - from);
    }

    @Test
    void shouldLowerTheLossWhenTrainingThirtySteps() {
        TrainingReport r =
                new Trainer(TrainingTesting.config(IBA, 30).build())
                        .train(TrainingTesting.colours(24, 1), List.of(), tmp.resolve("c"), "t", 1);
        assertEquals(30, r.losses().size());
        double first = mean(r.losses(), 0, 5);
        double last = mean(r.losses(), 25, 30);
        assertTrue(last < 0.8 * first, "loss " + first + " -> " + last);
        assertEquals(30, ((Number) r.checkpoint().metrics().get("steps")).intValue());
    }

    @Test
    void shouldGiveIdenticalLossesWhenSeedIsTheSame() {
        List<TrainingSample> data = TrainingTesting.colours(12, 2);
        List<Float> a =
                new Trainer(TrainingTesting.config(IBA, 4).optSeed(5).build())
                        .train(data, List.of(), tmp.resolve("a"), "t", 1)
                        .losses();
        List<Float> b =
                new Trainer(TrainingTesting.config(IBA, 4).optSeed(5).build())
                        .train(data, List.of(), tmp.resolve("b"), "t", 1)
                        .losses();
        List<Float> c =
                new Trainer(TrainingTesting.config(IBA, 4).optSeed(6).build())
                        .train(data, List.of(), tmp.resolve("c"), "t", 1)
                        .losses();
        assertEquals(a, b);
        assertTrue(!a.equals(c), "another seed gave the same losses " + a);
    }

    @Test
    void shouldContinueAtSavedStepWhenResumed() {
        ModelConfig.Task task = ModelConfig.Task.DECIDER; // two optimizers (CLUB estimator)
        List<TrainingSample> data = TrainingTesting.changes(18, 3);
        TrainingReport straight =
                new Trainer(TrainingTesting.config(task, 6).build())
                        .train(data, List.of(), tmp.resolve("straight"), "d", 1);
        TrainingReport half =
                new Trainer(TrainingTesting.config(task, 3).build())
                        .train(data, List.of(), tmp.resolve("half"), "d", 1);
        ModelCheckpoint saved = ModelCheckpoint.load(half.checkpoint().path());
        TrainingReport resumed =
                new Trainer(TrainingTesting.config(task, 6).optResume(saved).build())
                        .train(data, List.of(), tmp.resolve("resumed"), "d", 2);
        assertEquals(3, resumed.firstStep());
        assertEquals(3, resumed.losses().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(straight.losses().get(3 + i), resumed.losses().get(i), 1e-4f, "step " + i);
        }
        UserInputException done =
                assertThrows(
                        UserInputException.class,
                        () ->
                                new Trainer(
                                                TrainingTesting.config(task, 3)
                                                        .optResume(saved)
                                                        .build())
                                        .train(data, List.of(), tmp.resolve("x"), "d", 3));
        assertTrue(done.getMessage().contains("already at step 3"), done.getMessage());
    }

    @Test
    void shouldRecordScoresAndKeepArrayCountWhenValidating() {
        Trainer trainer = new Trainer(TrainingTesting.config(IBA, 12).optValidateEvery(4).build());
        TrainingReport r =
                trainer.train(
                        TrainingTesting.colours(24, 4),
                        TrainingTesting.colours(6, 5),
                        tmp.resolve("v"),
                        "t",
                        1);
        assertEquals(List.of(4, 8, 12), r.validations().stream().map(Validation::step).toList());
        for (Validation v : r.validations()) {
            assertEquals(6, v.samples());
            assertTrue(v.scores().keySet().containsAll(List.of("BLEU-4", "CIDEr-D")), v.toString());
            assertTrue(Double.isFinite(v.ciderD()) && v.ciderD() >= 0, v.toString());
        }
        assertTrue(r.best().isPresent());
        assertEquals(trainer.arrayCounts[0], trainer.arrayCounts[1], "arrays leaked in training");
        ModelCheckpoint c = ModelCheckpoint.load(r.checkpoint().path());
        assertEquals(3, ((List<?>) c.metrics().get("validation")).size());
    }

    @Test
    void shouldNameTheSampleWhenItDoesNotFitTheTask() {
        UserInputException e =
                assertThrows(
                        UserInputException.class,
                        () ->
                                new Trainer(TrainingTesting.config(IBA, 2).build())
                                        .train(
                                                TrainingTesting.changes(4, 1),
                                                List.of(),
                                                tmp.resolve("x"),
                                                "t",
                                                1));
        assertTrue(e.getMessage().contains("pair1-0"), e.getMessage());
    }
}
