package io.capstream.trainer;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import java.time.Duration;
import java.util.List;

/**
 * The trainer's settings, read once from the {@code trainer.*} keys (the loader has validated each
 * value and its range already).
 *
 * @param models the models to fine-tune (iba-cd, decider)
 * @param groupId the consumer group whose committed offsets say what was trained on
 * @param roundMinEvents start a round at this many new training events of a model
 * @param roundMaxWait or once the oldest uncommitted event of the model waited this long
 * @param roundSteps optimizer steps per round
 * @param batchSize samples per step
 * @param learningRate peak learning rate of a round
 * @param replayCapacity training samples kept per model
 * @param validationFraction share of events held out (by a hash of the id)
 * @param validationMaxSamples held-out samples kept per model
 * @param minImprovement CIDEr-D gain a checkpoint needs to be published (may be negative)
 * @param publishAlways publish every round's checkpoint
 * @param device auto, cpu or gpu
 */
public record TrainerSettings(
        List<String> models,
        String groupId,
        int roundMinEvents,
        Duration roundMaxWait,
        int roundSteps,
        int batchSize,
        float learningRate,
        int replayCapacity,
        double validationFraction,
        int validationMaxSamples,
        double minImprovement,
        boolean publishAlways,
        String device) {

    public TrainerSettings {
        models = List.copyOf(models);
    }

    /** The settings of a configuration. */
    public static TrainerSettings of(CapstreamConfig cfg) {
        String group = cfg.get(ConfigKeys.TRAINER_GROUP_ID);
        return new TrainerSettings(
                cfg.get(ConfigKeys.TRAINER_MODELS),
                group.isBlank() ? cfg.get(ConfigKeys.TOPIC_PREFIX) + "trainer" : group.strip(),
                cfg.get(ConfigKeys.TRAINER_ROUND_MIN_EVENTS),
                Duration.ofMillis(cfg.get(ConfigKeys.TRAINER_ROUND_MAX_WAIT_MS)),
                cfg.get(ConfigKeys.TRAINER_ROUND_STEPS),
                cfg.get(ConfigKeys.TRAINER_BATCH_SIZE),
                cfg.get(ConfigKeys.TRAINER_LEARNING_RATE).floatValue(),
                cfg.get(ConfigKeys.TRAINER_REPLAY_CAPACITY),
                cfg.get(ConfigKeys.TRAINER_VALIDATION_FRACTION),
                cfg.get(ConfigKeys.TRAINER_VALIDATION_MAX_SAMPLES),
                cfg.get(ConfigKeys.TRAINER_PUBLISH_MIN_IMPROVEMENT),
                cfg.get(ConfigKeys.TRAINER_PUBLISH_ALWAYS),
                cfg.get(ConfigKeys.DEVICE));
    }
}
