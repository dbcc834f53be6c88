package io.capstream.trainer;

import io.capstream.model.ModelConfig;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.training.Trainer;
import io.capstream.training.TrainerConfig;
import io.capstream.training.TrainingRecipe;
import io.capstream.training.TrainingReport;
import io.capstream.training.Validation;
import io.capstream.util.UserInputException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One training round of one model: score the store's current checkpoint on the held-out slice,
 * fine-tune it on the replay window into the next version (written atomically into the store, with
 * CURRENT pinned first so the new version is not served before it is promoted), score that on the
 * same slice, and decide whether it is published. Promotion and the announcement are the caller's,
 * after the checkpoint is durable. Runs on the round thread; touches no Kafka.
 */
final class TrainingRound {
    private TrainingRound() {}

    /**
     * What a round did.
     *
     * @param model the model name
     * @param version the version written
     * @param previousVersion the current version it was fine-tuned from
     * @param checkpoint the written checkpoint (not yet fsynced, not promoted)
     * @param before the current checkpoint's held-out scores, if there is a held-out slice
     * @param after the new checkpoint's held-out scores, if there is a held-out slice
     * @param decision whether to publish, and why
     * @param input what it trained and validated on
     * @param losses the training loss of each step
     * @param seconds wall time of the round
     */
    record Result(
            String model,
            int version,
            int previousVersion,
            ModelCheckpoint checkpoint,
            Optional<Validation> before,
            Optional<Validation> after,
            PublishDecision decision,
            ModelLane.RoundInput input,
            List<Float> losses,
            double seconds) {}

    /**
     * Runs a round.
     *
     * @param store the model store (the new version goes to {@code ROOT/<model>/v<max + 1>})
     * @param model the model name
     * @param imageSize the image size the samples were decoded at
     * @param input the replay window, held-out slice and offsets of the round
     * @param s the settings
     * @return what it did
     * @throws UserInputException when the current checkpoint no longer fits the samples
     */
    static Result run(
            ModelStore store,
            String model,
            int imageSize,
            ModelLane.RoundInput input,
            TrainerSettings s) {
        long t0 = System.nanoTime();
        int current = store.current(model);
        ModelCheckpoint start = ModelCheckpoint.load(store.path(model, current));
        ModelConfig mc = start.config();
        if (mc.imageSize() != imageSize) {
            throw new UserInputException(
                    "the current "
                            + model
                            + " checkpoint (v"
                            + current
                            + ") takes "
                            + mc.imageSize()
                            + " px images but the trainer decoded its examples at "
                            + imageSize
                            + " px: restart the trainer");
        }
        Optional<Validation> before =
                input.heldOut().isEmpty()
                        ? Optional.empty()
                        : Optional.of(Trainer.score(start, input.heldOut(), 0, s.device()));
        pinCurrent(store, model, current);
        int version = store.nextVersion(model);
        String preset = mc.modelDim() >= 512 ? "gpu-base" : "cpu-small";
        TrainerConfig tc =
                TrainerConfig.builder()
                        .optFineTune(start)
                        .optSteps(s.roundSteps())
                        .optBatchSize(s.batchSize())
                        .optLearningRate(s.learningRate())
                        .optWarmUpSteps(Math.min(100, s.roundSteps() / 10))
                        .optDecay(TrainerConfig.Decay.COSINE, 0.1f)
                        .optCaptionChoice(TrainingRecipe.of(preset, mc.task()).captionChoice())
                        .optValidateEvery(0)
                        .optMaxValidationSamples(0)
                        .optSeed(version)
                        .optDevice(s.device())
                        .optSaveTrainingState(false)
                        .optCommand("capstream trainer")
                        .optProgress(false)
                        .optExtraMetrics(Map.of("round", roundMetrics(input, current, before)))
                        .build();
        TrainingReport report =
                new Trainer(tc)
                        .train(
                                input.train(),
                                input.heldOut(),
                                store.path(model, version),
                                model,
                                version);
        Optional<Validation> after = report.best();
        PublishDecision decision =
                PublishDecision.decide(
                        cider(before), cider(after), s.minImprovement(), s.publishAlways());
        return new Result(
                model,
                version,
                current,
                report.checkpoint(),
                before,
                after,
                decision,
                input,
                report.losses(),
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Without a CURRENT file a store serves its highest version, which would make an unpromoted
     * round's checkpoint the served one; so CURRENT is written (durably) before any new version.
     */
    private static void pinCurrent(ModelStore store, String model, int current) {
        if (!Files.isRegularFile(store.root().resolve(model).resolve(ModelStore.CURRENT))) {
            store.promote(model, current);
            Durable.syncDirectory(store.root().resolve(model));
        }
    }

    /** What the checkpoint's metrics.json records about the round's data. */
    private static Map<String, Object> roundMetrics(
            ModelLane.RoundInput input, int current, Optional<Validation> before) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trainedOnEvents", input.train().size());
        m.put("newEvents", input.newTraining());
        m.put("heldOutEvents", input.heldOut().size());
        m.put("fineTunedFromVersion", current);
        Map<String, Long> offsets = new TreeMap<>();
        input.offsets().forEach((tp, o) -> offsets.put(tp.toString(), o.offset()));
        m.put("offsets", offsets);
        before.ifPresent(v -> m.put("validationBefore", v.scores()));
        return m;
    }

    private static OptionalDouble cider(Optional<Validation> v) {
        return v.map(x -> OptionalDouble.of(x.ciderD())).orElse(OptionalDouble.empty());
    }
}
