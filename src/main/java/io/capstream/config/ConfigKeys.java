package io.capstream.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every configuration key capstream understands. Keys not listed here are rejected at start-up,
 * except under the pass-through prefixes of {@link #PASS_THROUGH_PREFIXES}, which hand Kafka client
 * settings (security, SASL, tuning) to the clients unchanged.
 */
public final class ConfigKeys {
    private ConfigKeys() {}

    /** {@code kafka.common.*} goes to every client; the others to one kind of client. */
    public static final List<String> PASS_THROUGH_PREFIXES =
            List.of(
                    "kafka.common.",
                    "kafka.producer.",
                    "kafka.consumer.",
                    "kafka.streams.",
                    "kafka.admin.");

    public static final ConfigKey<String> BOOTSTRAP_SERVERS =
            ConfigKey.string(
                    "bootstrap.servers",
                    "",
                    "Kafka bootstrap servers (host:port,...). Empty: start an embedded broker on 127.0.0.1.");
    public static final ConfigKey<String> REGISTRY_URL =
            ConfigKey.string(
                    "schema.registry.url",
                    "",
                    "Confluent-compatible schema registry URL (Confluent, Apicurio .../apis/ccompat/v7,"
                            + " Karapace, Redpanda). Empty: start the embedded Apicurio registry.");
    public static final ConfigKey<String> REGISTRY_USER_INFO =
            ConfigKey.secret(
                    "schema.registry.basic.auth.user.info",
                    "USER:PASSWORD for registry basic auth; empty for none.");
    public static final ConfigKey<String> TOPIC_PREFIX =
            ConfigKey.string("topic.prefix", "capstream.", "Prefix of every capstream topic name.");
    public static final ConfigKey<Integer> TOPIC_PARTITIONS =
            ConfigKey.integer(
                    "topic.partitions", 4, 1, 10_000, "Partitions of topics capstream creates.");
    public static final ConfigKey<Integer> TOPIC_REPLICATION =
            ConfigKey.integer(
                    "topic.replication.factor",
                    1,
                    1,
                    32,
                    "Replication factor of topics capstream creates (3 on a production cluster).");
    public static final ConfigKey<Integer> MAX_MESSAGE_BYTES =
            ConfigKey.integer(
                    "topic.max.message.bytes",
                    16 * 1024 * 1024,
                    1024,
                    Integer.MAX_VALUE,
                    "Largest record on image topics; producer max.request.size and consumer fetch"
                            + " sizes follow it.");
    public static final ConfigKey<Integer> INLINE_IMAGE_MAX_BYTES =
            ConfigKey.integer(
                    "producer.inline.max.bytes",
                    4 * 1024 * 1024,
                    0,
                    Integer.MAX_VALUE,
                    "Images up to this size travel inline; larger ones by reference (URI).");
    public static final ConfigKey<String> WORKER_ID =
            ConfigKey.string("worker.id", "", "Worker instance id; empty: host name + process id.");
    public static final ConfigKey<Integer> MAX_BATCH_SIZE =
            ConfigKey.integer(
                    "worker.max.batch.size",
                    32,
                    1,
                    4096,
                    "Flush a micro-batch at this many records.");
    public static final ConfigKey<Long> MAX_BATCH_DELAY_MS =
            ConfigKey.longValue(
                    "worker.max.batch.delay.ms",
                    50,
                    0,
                    600_000,
                    "Flush a micro-batch when its oldest record has waited this long.");
    public static final ConfigKey<Integer> STREAM_THREADS =
            ConfigKey.integer(
                    "worker.stream.threads", 1, 1, 64, "Kafka Streams threads per worker.");
    public static final ConfigKey<Long> METRICS_WINDOW_MS =
            ConfigKey.longValue(
                    "worker.metrics.window.ms",
                    10_000,
                    100,
                    3_600_000,
                    "Length of the windows reported on the metrics topic.");
    public static final ConfigKey<String> STATE_DIR =
            ConfigKey.string(
                    "worker.state.dir",
                    "",
                    "Kafka Streams state directory; empty: a temp directory.");
    public static final ConfigKey<Boolean> MODEL_UPDATES =
            ConfigKey.bool(
                    "worker.model.updates",
                    true,
                    "Follow capstream.model-updates: load announced checkpoints and swap them in"
                            + " between batches; false serves the start-up models until restarted.");
    public static final ConfigKey<String> MODEL_STORE =
            ConfigKey.string(
                    "model.store",
                    "",
                    "Directory (or file: URI) of versioned checkpoints; empty: the shipped checkpoints.");
    public static final ConfigKey<String> DEVICE =
            ConfigKey.choice(
                    "model.device",
                    "auto",
                    List.of("auto", "cpu", "gpu"),
                    "Where the model runs; auto uses a GPU when DJL sees one.");
    public static final ConfigKey<Integer> SAMPLING_STEPS =
            ConfigKey.integer(
                    "model.sampling.steps",
                    0,
                    0,
                    1000,
                    "Diffusion sampling steps; 0 keeps the checkpoint's own setting.");
    public static final ConfigKey<Integer> MODEL_THREADS =
            ConfigKey.integer(
                    "model.threads",
                    0,
                    0,
                    1024,
                    "PyTorch intra-op threads on the CPU; 0 keeps PyTorch's default (one per"
                            + " core). Use 1 when the broker or other work shares a small machine.");

    // The training consumer (capstream trainer, docs/training-loop.md).
    public static final ConfigKey<List<String>> TRAINER_MODELS =
            ConfigKey.subset(
                    "trainer.models",
                    "iba-cd,decider",
                    List.of("iba-cd", "decider"),
                    "Models the trainer fine-tunes: iba-cd reads capstream.labeled-images, decider"
                            + " capstream.labeled-pairs.");
    public static final ConfigKey<String> TRAINER_GROUP_ID =
            ConfigKey.string(
                    "trainer.group.id",
                    "",
                    "Consumer group of the trainer (its committed offsets); empty: <topic.prefix>trainer.");
    public static final ConfigKey<Integer> TRAINER_ROUND_MIN_EVENTS =
            ConfigKey.integer(
                    "trainer.round.min.events",
                    256,
                    1,
                    10_000_000,
                    "Start a training round once a model has this many new labeled events.");
    public static final ConfigKey<Long> TRAINER_ROUND_MAX_WAIT_MS =
            ConfigKey.longValue(
                    "trainer.round.max.wait.ms",
                    600_000,
                    0,
                    7 * 86_400_000L,
                    "Start a round with fewer events once the oldest untrained one waited this long.");
    public static final ConfigKey<Integer> TRAINER_ROUND_STEPS =
            ConfigKey.integer(
                    "trainer.round.steps",
                    200,
                    1,
                    10_000_000,
                    "Optimizer steps of one round (fine-tuning the current checkpoint).");
    public static final ConfigKey<Integer> TRAINER_BATCH_SIZE =
            ConfigKey.integer("trainer.batch.size", 32, 2, 4096, "Samples per optimizer step.");
    public static final ConfigKey<Double> TRAINER_LEARNING_RATE =
            ConfigKey.decimal(
                    "trainer.learning.rate",
                    3e-4,
                    1e-8,
                    0.5,
                    "Peak learning rate of a round (warm-up, then cosine decay to a tenth).");
    public static final ConfigKey<Integer> TRAINER_REPLAY_CAPACITY =
            ConfigKey.integer(
                    "trainer.replay.capacity",
                    2000,
                    2,
                    10_000_000,
                    "Training examples kept per model (newest first); a round trains on all of them.");
    public static final ConfigKey<Double> TRAINER_VALIDATION_FRACTION =
            ConfigKey.decimal(
                    "trainer.validation.fraction",
                    0.1,
                    0,
                    0.5,
                    "Share of labeled events held out for validation, chosen by a hash of the event id.");
    public static final ConfigKey<Integer> TRAINER_VALIDATION_MAX_SAMPLES =
            ConfigKey.integer(
                    "trainer.validation.max.samples",
                    200,
                    1,
                    100_000,
                    "Held-out examples kept per model (newest first), saved in the model store.");
    public static final ConfigKey<Double> TRAINER_PUBLISH_MIN_IMPROVEMENT =
            ConfigKey.decimal(
                    "trainer.publish.min.improvement",
                    0.0,
                    -100,
                    100,
                    "Publish a round's checkpoint when its held-out CIDEr-D is at least the current"
                            + " one's plus this (negative: tolerate that much loss).");
    public static final ConfigKey<Boolean> TRAINER_PUBLISH_ALWAYS =
            ConfigKey.bool(
                    "trainer.publish.always",
                    false,
                    "Publish every round's checkpoint, whatever it scores.");

    /** All keys by name, in documentation order. */
    public static final Map<String, ConfigKey<?>> ALL = index();

    private static Map<String, ConfigKey<?>> index() {
        Map<String, ConfigKey<?>> m = new LinkedHashMap<>();
        for (ConfigKey<?> k :
                List.of(
                        BOOTSTRAP_SERVERS,
                        REGISTRY_URL,
                        REGISTRY_USER_INFO,
                        TOPIC_PREFIX,
                        TOPIC_PARTITIONS,
                        TOPIC_REPLICATION,
                        MAX_MESSAGE_BYTES,
                        INLINE_IMAGE_MAX_BYTES,
                        WORKER_ID,
                        MAX_BATCH_SIZE,
                        MAX_BATCH_DELAY_MS,
                        STREAM_THREADS,
                        METRICS_WINDOW_MS,
                        STATE_DIR,
                        MODEL_UPDATES,
                        MODEL_STORE,
                        DEVICE,
                        SAMPLING_STEPS,
                        MODEL_THREADS,
                        TRAINER_MODELS,
                        TRAINER_GROUP_ID,
                        TRAINER_ROUND_MIN_EVENTS,
                        TRAINER_ROUND_MAX_WAIT_MS,
                        TRAINER_ROUND_STEPS,
                        TRAINER_BATCH_SIZE,
                        TRAINER_LEARNING_RATE,
                        TRAINER_REPLAY_CAPACITY,
                        TRAINER_VALIDATION_FRACTION,
                        TRAINER_VALIDATION_MAX_SAMPLES,
                        TRAINER_PUBLISH_MIN_IMPROVEMENT,
                        TRAINER_PUBLISH_ALWAYS)) {
            m.put(k.name(), k);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
