package io.capstream.trainer;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.schema.ConfiguredTopics;
import io.capstream.schema.TopicAdmin;
import io.capstream.schema.Topics;
import io.capstream.worker.ImageLoader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of the training consumer: opens the model lanes from the store, ensures the topics,
 * and runs the {@link PollLoop} on its own thread. The CLI's {@code trainer} command and the
 * integration tests drive this class.
 *
 * <pre>{@code
 * try (TrainingConsumer t = TrainingConsumer.builder().setConfig(cfg)
 *         .setBootstrapServers(bootstrap).setRegistry(registry).build().start()) {
 *     ...
 * }   // lets a running round finish and commit, then closes
 * }</pre>
 *
 * <p>{@link #halt()} stops as a crash would: nothing is promoted, announced or committed after it,
 * so a restarted trainer of the group reads every uncommitted record again and no committed one.
 */
public final class TrainingConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrainingConsumer.class);
    private static final long MAX_PIXELS = 64L * 1024 * 1024;

    private final CapstreamConfig cfg;
    private final TrainerSettings settings;
    private final String bootstrap;
    private final Topics topics;
    private final ModelStore store;
    private final String trainerId;
    private final Duration closeTimeout;
    private final TrainerStats stats = new TrainerStats();
    private PollLoop loop;
    private ExecutorService roundThread;
    private boolean closed;

    TrainingConsumer(TrainingConsumerBuilder b) {
        this.cfg = b.cfg;
        this.settings = TrainerSettings.of(b.cfg);
        this.bootstrap = b.bootstrap;
        this.topics = ConfiguredTopics.of(b.cfg, b.registry);
        this.store = b.store;
        this.trainerId = b.trainerId;
        this.closeTimeout = b.closeTimeout;
    }

    /** Starts a builder. */
    public static TrainingConsumerBuilder builder() {
        return new TrainingConsumerBuilder();
    }

    /**
     * Opens each model's current checkpoint and saved held-out slice, creates missing topics, and
     * starts the poll thread.
     *
     * @throws io.capstream.util.UserInputException when a model has no checkpoint in the store, or
     *     the topics do not fit, or the broker does not answer
     */
    public synchronized TrainingConsumer start() {
        if (loop != null) {
            return this;
        }
        Map<String, ModelLane> lanes = new LinkedHashMap<>();
        for (String model : settings.models()) {
            ModelLane lane = TrainerLanes.open(store, model, topics, settings);
            lanes.put(lane.topic, lane);
        }
        Properties admin = cfg.kafkaProperties("admin");
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            TopicAdmin.ensureTopics(a, topics.all());
        }
        KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        TrainerClients.producer(cfg, bootstrap, trainerId),
                        new StringSerializer(),
                        new ByteArraySerializer());
        KafkaConsumer<String, byte[]> consumer;
        try {
            consumer =
                    new KafkaConsumer<>(
                            TrainerClients.consumer(cfg, bootstrap, settings.groupId(), trainerId),
                            new StringDeserializer(),
                            new ByteArrayDeserializer());
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        roundThread =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "capstream-trainer-round");
                            t.setDaemon(true); // a halted trainer does not wait for its round
                            return t;
                        });
        loop =
                new PollLoop(
                        consumer,
                        producer,
                        new UpdatePublisher(producer, topics.modelUpdates()),
                        new DeadLetters(producer, topics.dlq(), trainerId),
                        lanes,
                        new LabeledRecords(
                                topics,
                                new ImageLoader(cfg.get(ConfigKeys.MAX_MESSAGE_BYTES), MAX_PIXELS)),
                        settings,
                        store,
                        roundThread,
                        stats,
                        trainerId);
        log.info(
                "trainer {} starting: group {}, brokers {}, store {}, {}; round at {} events or"
                        + " {} ms, {} steps of {}, replay {}, held out {} (max {}), publish at"
                        + " CIDEr-D gain >= {}{}",
                trainerId,
                settings.groupId(),
                bootstrap,
                store.root(),
                TrainerLanes.describe(lanes.values()),
                settings.roundMinEvents(),
                settings.roundMaxWait().toMillis(),
                settings.roundSteps(),
                settings.batchSize(),
                settings.replayCapacity(),
                settings.validationFraction(),
                settings.validationMaxSamples(),
                settings.minImprovement(),
                settings.publishAlways() ? " (always)" : "");
        new Thread(loop, "capstream-trainer-poll").start();
        return this;
    }

    /** Live counters. */
    public TrainerStats stats() {
        return stats;
    }

    /** What stopped the trainer by itself, if anything did. */
    public Optional<Throwable> failure() {
        return loop == null ? Optional.empty() : Optional.ofNullable(loop.failure());
    }

    /** Whether the poll loop still runs. */
    public boolean isRunning() {
        return loop != null && loop.stopped().getCount() > 0;
    }

    /**
     * Waits for the poll loop to end (a failure, {@link #close()} or {@link #halt()}).
     *
     * @return false if it still runs after the timeout
     */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return loop == null || loop.stopped().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String trainerId() {
        return trainerId;
    }

    /**
     * Graceful stop: no new round starts, a running one finishes and commits (up to the close
     * timeout, then it is abandoned as by {@link #halt()}); uncommitted records are read again by
     * the next trainer of the group.
     */
    @Override
    public synchronized void close() {
        if (loop == null || closed) {
            return;
        }
        closed = true;
        log.info("trainer {} stopping", trainerId);
        loop.stop();
        try {
            if (!awaitStopped(closeTimeout)) {
                log.warn(
                        "trainer {}: round still running after {}; halting",
                        trainerId,
                        closeTimeout);
                stopNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopNow();
        }
        roundThread.shutdown();
        log.info("trainer {} stopped", trainerId);
    }

    /**
     * Stops as a crash would: nothing is promoted, announced or committed from now on; a running
     * round is abandoned (its checkpoint, if it gets written, stays unpromoted).
     */
    public synchronized void halt() {
        if (loop == null || closed) {
            return;
        }
        closed = true;
        log.info("trainer {} halting without committing", trainerId);
        stopNow();
    }

    private void stopNow() {
        loop.halt();
        try {
            awaitStopped(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        roundThread.shutdownNow();
    }
}
