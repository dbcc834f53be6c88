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

    @Test
    void shouldStartFromServedWeightsAndKeepVocabularyWhenFineTuning() {
        List<TrainingSample> data = TrainingTesting.colours(24, 6);
        TrainingReport base =
                new Trainer(TrainingTesting.config(IBA, 30).build())
                        .train(data, List.of(), tmp.resolve("base"), "t", 1);
        ModelCheckpoint start = ModelCheckpoint.load(base.checkpoint().path());
        List<TrainingSample> more = new java.util.ArrayList<>(data);
        TrainingSample s = data.get(0);
        more.add( // words the vocabulary never saw map to UNK
                new TrainingSample("new", s.imageSize(), s.images(), List.of("a purple picture")));
        TrainingReport tuned =
                new Trainer(TrainingTesting.config(IBA, 3).optFineTune(start).build())
                        .train(more, List.of(), tmp.resolve("tuned"), "t", 2);
        TrainingReport fresh =
                new Trainer(TrainingTesting.config(IBA, 3).build())
                        .train(more, List.of(), tmp.resolve("fresh"), "t", 2);
        assertEquals(start.vocabulary().words(), tuned.checkpoint().vocabulary().words());
        assertTrue(
                !tuned.checkpoint().vocabulary().words().contains("purple"),
                "vocabulary grew: " + tuned.checkpoint().vocabulary().words());
        assertTrue(
                tuned.losses().get(0) < 0.8 * fresh.losses().get(0),
                "fine-tuning did not start from the trained weights: first loss "
                        + tuned.losses().get(0)
                        + " vs fresh "
                        + fresh.losses().get(0));
        assertEquals(0, tuned.firstStep());
        java.util.Map<?, ?> from =
                (java.util.Map<?, ?>) tuned.checkpoint().metrics().get("fineTunedFrom");
        assertEquals(1, from.get("version"));
    }

    @Test
    void shouldScoreCheckpointAsTrainingValidatedItWhenWeightsAreTheSame() {
        List<TrainingSample> val = TrainingTesting.colours(9, 8);
        TrainingReport r =
                new Trainer(TrainingTesting.config(IBA, 10).build())
                        .train(TrainingTesting.colours(24, 7), val, tmp.resolve("s"), "t", 1);
        ModelCheckpoint c = ModelCheckpoint.load(r.checkpoint().path());
        Validation first = Trainer.score(c, val, 0, "cpu");
        Validation again = Trainer.score(c, val, 0, "cpu");
        assertEquals(first.scores(), again.scores());
        // The saved weights are the ones validated last, with the same sampling noise.
        assertEquals(r.best().orElseThrow().scores(), first.scores());
        assertEquals(9, first.samples());
    }

    @Test
    void shouldRefuseResumeAndFineTuneTogether() {
        TrainingReport r =
                new Trainer(TrainingTesting.config(IBA, 2).build())
                        .train(TrainingTesting.colours(6, 1), List.of(), tmp.resolve("b"), "t", 1);
        ModelCheckpoint c = ModelCheckpoint.load(r.checkpoint().path());
        UserInputException e =
                assertThrows(
                        UserInputException.class,
                        () -> TrainingTesting.config(IBA, 4).optResume(c).optFineTune(c).build());
        assertTrue(e.getMessage().contains("fine-tune"), e.getMessage());
    }
}
