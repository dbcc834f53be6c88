package io.capstream.worker;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.model.Captioner;
import io.capstream.schema.TopicAdmin;
import io.capstream.schema.Topics;
import io.capstream.schema.avro.WorkerMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of one worker: ensures the topics, runs the {@link WorkerTopology} in Kafka Streams
 * with exactly-once v2, publishes metrics windows, and stops gracefully. The CLI's {@code worker}
 * command, the demo, the pipeline bench and the integration tests all drive this class.
 *
 * <pre>{@code
 * try (CaptionWorker worker = CaptionWorker.builder().setConfig(cfg)
 *         .setBootstrapServers(bootstrap).setRegistry(registry)
 *         .setModels(Map.of("iba-cd", images, "decider", pairs)).build().start()) {
 *     worker.awaitRunning(Duration.ofSeconds(60));
 *     ...
 * }   // drains the micro-batch buffers, then closes the stream
 * }</pre>
 *
 * <p>A graceful stop ({@link #close()}) sets the drain flag, waits until every buffered record is
 * captioned and committed, then closes the stream. {@link #halt()} closes without draining, as a
 * crash would: the buffered records stay in the committed batch buffers and are captioned, once, by
 * the next worker of the same application.
 */
public final class CaptionWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CaptionWorker.class);

    /** Decoded pictures larger than this are rejected before decoding (decompression bombs). */
    static final long MAX_PIXELS = 64L * 1024 * 1024;

    /** How long the start waits for the announced checkpoints to be loaded. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);

    private final CapstreamConfig cfg;
    private final String bootstrap;
    private final Topics topics;
    private final Map<String, Captioner> models;
    private final Path configuredStateDir;
    private final List<Consumer<WorkerMetrics>> metricsListeners;
    private final Duration drainTimeout;
    private final String workerId;
    private final CheckpointLoader checkpointLoader;
    private final WorkerStats stats = new WorkerStats();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private Path stateDir;
    private InferenceExecutor executor;
    private KafkaStreams streams;
    private MetricsReporter metrics;
    private ModelUpdateFollower follower;
    private volatile KafkaStreams.State state = KafkaStreams.State.CREATED;

    CaptionWorker(CaptionWorkerBuilder b) {
        this.cfg = b.cfg;
        this.bootstrap = b.bootstrap;
        this.topics = b.topics;
        this.models = Map.copyOf(b.models);
        this.configuredStateDir = b.stateDir;
        this.metricsListeners = List.copyOf(b.metricsListeners);
        this.drainTimeout = b.drainTimeout;
        this.workerId = b.workerId;
        this.checkpointLoader = b.checkpointLoader;
    }

    /** Starts a builder. */
    public static CaptionWorkerBuilder builder() {
        return new CaptionWorkerBuilder();
    }

    /**
     * Creates missing topics (checking existing ones), then starts the stream and the metrics
     * reporter. Returns at once; {@link #awaitRunning} waits for the first assignment.
     *
     * @throws io.capstream.util.UserInputException when the topics do not fit or the broker does
     *     not answer
     */
    public synchronized CaptionWorker start() {
        if (streams != null) {
            return this;
        }
        Properties admin = cfg.kafkaProperties("admin");
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            List<String> created = TopicAdmin.ensureTopics(a, topics.all());
            log.info(
                    "topics ready ({} created): {}",
                    created.size(),
                    topics.all().stream().map(t -> t.name()).toList());
        }
        warmUp();
        stateDir = stateDir();
        int maxBatch = cfg.get(ConfigKeys.MAX_BATCH_SIZE);
        executor = new InferenceExecutor(models, maxBatch * cfg.get(ConfigKeys.STREAM_THREADS));
        followModelUpdates();
        WorkerTopology.Settings settings =
                new WorkerTopology.Settings(
                        new WorkerTopology.Topics(
                                topics.images().name(),
                                topics.imagePairs().name(),
                                topics.captions().name(),
                                topics.dlq().name()),
                        topics.images().valueSerde().deserializer(),
                        topics.imagePairs().valueSerde().deserializer(),
                        topics.captions().valueSerde().serializer(),
                        topics.dlq().valueSerde().serializer(),
                        new BatchPolicy(
                                maxBatch,
                                Duration.ofMillis(cfg.get(ConfigKeys.MAX_BATCH_DELAY_MS))),
                        new ImageLoader(cfg.get(ConfigKeys.MAX_MESSAGE_BYTES), MAX_PIXELS),
                        workerId,
                        stats,
                        draining::get);
        String appId = WorkerStreamsConfig.applicationId(cfg);
        streams =
                new KafkaStreams(
                        WorkerTopology.build(settings, executor),
                        WorkerStreamsConfig.build(cfg, bootstrap, appId, stateDir));
        streams.setUncaughtExceptionHandler(
                new StreamFailureHandler(
                        Duration.ofSeconds(1), Duration.ofSeconds(30), 5, closing::get));
        streams.setStateListener(
                (now, before) -> {
                    state = now;
                    log.info("worker {} stream state {} -> {}", workerId, before, now);
                });
        metrics =
                new MetricsReporter(
                        stats,
                        workerId,
                        String.join(",", new TreeMap<>(models).keySet()),
                        topics.metrics(),
                        plainProducer(),
                        metricsListeners,
                        Duration.ofMillis(cfg.get(ConfigKeys.METRICS_WINDOW_MS)));
        log.info(
                "worker {} starting: application {}, brokers {}, models {}, batch {} / {} ms",
                workerId,
                appId,
                bootstrap,
                describeModels(),
                maxBatch,
                cfg.get(ConfigKeys.MAX_BATCH_DELAY_MS));
        streams.start();
        return this;
    }

    /**
     * Starts the {@link ModelUpdateFollower} (unless {@code worker.model.updates=false}) and waits
     * until it applied what was announced before the start, so the first captions already come from
     * the announced versions.
     */
    private void followModelUpdates() {
        if (!cfg.get(ConfigKeys.MODEL_UPDATES)) {
            log.info(
                    "worker {} does not follow {} ({}=false)",
                    workerId,
                    topics.modelUpdates().name(),
                    ConfigKeys.MODEL_UPDATES.name());
            return;
        }
        Properties consumer = cfg.kafkaProperties("consumer");
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        follower =
                new ModelUpdateFollower(
                        topics.modelUpdates(),
                        topics.dlq(),
                        consumer,
                        plainProducer(),
                        workerId,
                        stats,
                        new ModelUpdateApplier(executor, checkpointLoader));
        follower.start();
        try {
            if (!follower.awaitCaughtUp(CATCH_UP_TIMEOUT)) {
                log.warn(
                        "worker {}: {} not read within {} s; starting with {} meanwhile",
                        workerId,
                        topics.modelUpdates().name(),
                        CATCH_UP_TIMEOUT.toSeconds(),
                        describeModels());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One call per model before the stream starts: a first call is much slower (native library
     * set-up, allocations) and would otherwise hold the first transaction open that long.
     */
    private void warmUp() {
        new TreeMap<>(models)
                .forEach(
                        (name, c) -> {
                            Captioner.ModelInfo info = c.info();
                            long t0 = System.nanoTime();
                            c.caption(List.of(ModelProbe.blankInput(info)));
                            log.info(
                                    "model {} v{} warmed up in {} ms",
                                    name,
                                    info.version(),
                                    (System.nanoTime() - t0) / 1_000_000);
                        });
    }

    /**
     * Waits until the stream runs (partitions assigned, state restored).
     *
     * @return false when it did not within {@code timeout}, or stopped
     */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            KafkaStreams.State s = state;
            if (s == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (s == KafkaStreams.State.ERROR
                    || s == KafkaStreams.State.NOT_RUNNING
                    || s == KafkaStreams.State.PENDING_SHUTDOWN) {
                return false;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** The stream's state (CREATED before {@link #start()}). */
    public KafkaStreams.State state() {
        return state;
    }

    /** Live counters: records buffered now, and the current metrics window. */
    public WorkerStats stats() {
        return stats;
    }

    public String workerId() {
        return workerId;
    }

    /** The topics this worker reads and writes. */
    public Topics topics() {
        return topics;
    }

    /** Graceful stop: drain the batch buffers, close the stream, publish the last metrics. */
    @Override
    public void close() {
        stop(true);
    }

    /**
     * Stops without draining, as a crash would: records still buffered stay in the committed
     * buffers for the next worker.
     */
    public void halt() {
        stop(false);
    }

    private synchronized void stop(boolean drain) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (follower != null) {
            follower.close(); // no swap from here on
        }
        if (streams == null) {
            // Never started, or start failed before the stream existed: the models are still ours.
            if (executor != null) {
                executor.close();
            } else {
                models.values().forEach(Captioner::close);
            }
            return;
        }
        if (drain && state == KafkaStreams.State.RUNNING) {
            int buffered = stats.buffered();
            log.info("worker {} draining: {} records buffered", workerId, buffered);
            draining.set(true);
            long deadline = System.nanoTime() + drainTimeout.toNanos();
            while (stats.buffered() > 0
                    && state == KafkaStreams.State.RUNNING
                    && System.nanoTime() < deadline
                    && sleepQuietly(10)) {
                // The punctuators flush every buffer while the drain flag is set.
            }
            log.info("worker {} drained: {} records left buffered", workerId, stats.buffered());
        } else if (!drain) {
            log.info(
                    "worker {} halting without draining: {} records stay buffered",
                    workerId,
                    stats.buffered());
        }
        // The close commits what was captioned; under exactly-once that includes the buffers.
        streams.close(Duration.ofSeconds(60));
        log.info("worker {} stream closed", workerId);
        metrics.close();
        executor.close();
        if (configuredStateDir == null && cfg.get(ConfigKeys.STATE_DIR).isEmpty()) {
            deleteQuietly(stateDir);
        }
        log.info("worker {} stopped", workerId);
    }

    private Path stateDir() {
        try {
            if (configuredStateDir != null) {
                return Files.createDirectories(configuredStateDir);
            }
            String dir = cfg.get(ConfigKeys.STATE_DIR);
            return dir.isEmpty()
                    ? Files.createTempDirectory("capstream-worker-")
                    : Files.createDirectories(Path.of(dir));
        } catch (IOException e) {
            throw new io.capstream.util.UserInputException(
                    "worker state directory cannot be created: " + e.getMessage(), e);
        }
    }

    private Properties plainProducer() {
        Properties p = cfg.kafkaProperties("producer");
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // For metrics windows and the follower's dead letters, outside the exactly-once stream: a
        // duplicate is harmless, and an idempotent producer can get stuck retrying on a topic
        // created a moment ago (KAFKA-14359).
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        return p;
    }

    /** "decider v1 on cpu(), iba-cd v1 on cpu()": what is served now. */
    private String describeModels() {
        Map<String, Captioner.ModelInfo> served = new TreeMap<>();
        if (executor != null) {
            served.putAll(executor.served());
        } else {
            models.forEach((name, c) -> served.put(name, c.info()));
        }
        StringBuilder sb = new StringBuilder();
        served.forEach(
                (name, i) ->
                        sb.append(sb.length() == 0 ? "" : ", ")
                                .append(name)
                                .append(" v")
                                .append(i.version())
                                .append(" on ")
                                .append(i.device()));
        return sb.toString();
    }

    /** False when interrupted (the flag is kept). */
    private static boolean sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            log.warn("worker state directory {} not deleted: {}", dir, e.toString());
        }
    }
}
