package io.capstream.trainer;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.schema.ConfiguredTopics;
import io.capstream.schema.TopicAdmin;
import io.capstream.schema.Topics;
import io.capstream.worker.ImageLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training consumer's lifecycle and poll loop. One poll thread owns the consumer: it decodes
 * labeled records into the model lanes (training sample, held-out sample or dead letter) and starts
 * a {@link TrainingRound} when a lane is due. The round runs on its own thread while the poll
 * thread keeps polling with every partition paused, so the group membership survives rounds longer
 * than {@code max.poll.interval.ms}. After a round: checkpoint fsynced, held-out slice saved, then
 * (if the round validates well enough) CURRENT promoted and the update announced, dead letters
 * flushed, and only then the round's offsets committed.
 *
 * <pre>{@code
 * try (TrainingConsumer t = TrainingConsumer.builder().setConfig(cfg)
 *         .setBootstrapServers(bootstrap).setRegistry(registry).build().start()) {
 *     ...
 * }   // lets a running round finish and commit, then closes
 * }</pre>
 *
 * <p>{@link #halt()} stops as a crash would: nothing is promoted, announced or committed after it,
 * so a restarted trainer reads every uncommitted record again and nothing committed twice.
 */
public final class TrainingConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TrainingConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long MAX_PIXELS = 64L * 1024 * 1024;
    private static final long REGISTRY_BACKOFF_MS = 1000;

    private final CapstreamConfig cfg;
    private final TrainerSettings settings;
    private final String bootstrap;
    private final Topics topics;
    private final ModelStore store;
    private final String trainerId;
    private final Duration closeTimeout;
    private final HoldOut holdOut;
    private final LabeledRecords decoder;
    private final TrainerStats stats = new TrainerStats();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean halted = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, ModelLane> lanes = new LinkedHashMap<>();
    private volatile Throwable failure;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;
    private UpdatePublisher publisher;
    private DeadLetters deadLetters;
    private ExecutorService roundThread;
    private Thread pollThread;
    private boolean roundRunning;

    TrainingConsumer(TrainingConsumerBuilder b) {
        this.cfg = b.cfg;
        this.settings = TrainerSettings.of(b.cfg);
        this.bootstrap = b.bootstrap;
        this.topics = ConfiguredTopics.of(b.cfg, b.registry);
        this.store = b.store;
        this.trainerId = b.trainerId;
        this.closeTimeout = b.closeTimeout;
        this.holdOut = new HoldOut(settings.validationFraction());
        this.decoder =
                new LabeledRecords(
                        topics, new ImageLoader(cfg.get(ConfigKeys.MAX_MESSAGE_BYTES), MAX_PIXELS));
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
        if (pollThread != null) {
            return this;
        }
        for (String model : settings.models()) {
            ModelLane lane = TrainerLanes.open(store, model, topics, settings);
            lanes.put(lane.topic, lane);
        }
        Properties admin = cfg.kafkaProperties("admin");
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            TopicAdmin.ensureTopics(a, topics.all());
        }
        producer =
                new KafkaProducer<>(
                        TrainerClients.producer(cfg, bootstrap, trainerId),
                        new StringSerializer(),
                        new ByteArraySerializer());
        publisher = new UpdatePublisher(producer, topics.modelUpdates());
        deadLetters = new DeadLetters(producer, topics.dlq(), trainerId);
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
        pollThread = new Thread(this::run, "capstream-trainer-poll");
        pollThread.start();
        return this;
    }

    private void run() {
        try {
            consumer.subscribe(lanes.keySet(), new Rebalance());
            while (!stopping.get()) {
                accept(consumer.poll(POLL));
                long now = System.currentTimeMillis();
                for (ModelLane lane : lanes.values()) {
                    if (stopping.get()) {
                        break;
                    }
                    if (lane.roundDue(
                            now, settings.roundMinEvents(), settings.roundMaxWait().toMillis())) {
                        round(lane);
                    } else if (lane.commitWithoutRoundDue(
                            now, settings.roundMaxWait().toMillis())) {
                        commitWithoutRound(lane);
                    }
                }
            }
        } catch (WakeupException e) {
            // halt(): leave at once
        } catch (Throwable t) {
            if (!halted.get()) {
                failure = t;
                log.error("trainer {} stopped: {}", trainerId, t.toString());
            }
        } finally {
            closeClients();
            stopped.countDown();
        }
    }

    /** Sorts one poll's records into the lanes; a registry outage rewinds to the record. */
    private void accept(ConsumerRecords<String, byte[]> records) {
        boolean backOff = false;
        long now = System.currentTimeMillis();
        for (TopicPartition tp : records.partitions()) {
            ModelLane lane = lanes.get(tp.topic());
            for (ConsumerRecord<String, byte[]> r : records.records(tp)) {
                LabeledRecords.Outcome o;
                try {
                    o = decoder.decode(r, lane.pairs, lane.imageSize);
                } catch (LabeledRecords.RegistryUnavailableException e) {
                    log.warn("{}; reading it again", e.getMessage());
                    consumer.seek(tp, r.offset());
                    backOff = true;
                    break;
                }
                lane.read(tp, r.offset(), now);
                boolean held = false;
                if (o instanceof LabeledRecords.Accepted a) {
                    held = holdOut.isHeldOut(a.sample().id());
                    if (held) {
                        lane.addHeldOut(a.sample());
                    } else {
                        lane.addTraining(a.sample());
                    }
                } else {
                    deadLetters.send(r, (LabeledRecords.Rejected) o);
                }
                stats.read(o, held);
            }
        }
        if (backOff) {
            sleep(REGISTRY_BACKOFF_MS);
        }
    }

    /** Runs a round on the round thread, polling (paused) meanwhile, then finishes it. */
    private void round(ModelLane lane) throws Exception {
        ModelLane.RoundInput in = lane.roundInput();
        Future<TrainingRound.Result> f =
                roundThread.submit(
                        () -> TrainingRound.run(store, lane.model, lane.imageSize, in, settings));
        roundRunning = true;
        consumer.pause(consumer.assignment());
        try {
            while (!f.isDone()) {
                if (halted.get()) {
                    return; // a crash: the round's work is abandoned, nothing is committed
                }
                rewind(consumer.poll(POLL));
            }
        } finally {
            roundRunning = false;
            if (!halted.get()) {
                consumer.resume(consumer.assignment());
            }
        }
        TrainingRound.Result r;
        try {
            r = f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
        finish(lane, r);
    }

    /** Makes the round durable, publishes it if it validated well enough, commits its offsets. */
    private void finish(ModelLane lane, TrainingRound.Result r) throws Exception {
        if (halted.get()) {
            return;
        }
        Durable.syncTree(r.checkpoint().path());
        lane.saveHeldOut();
        boolean publish = r.decision().publish();
        if (publish) {
            store.promote(r.model(), r.version());
            Durable.syncDirectory(store.root().resolve(r.model()));
            publisher.publish(
                    UpdatePublisher.update(
                            r.model(),
                            r.version(),
                            r.checkpoint().path().toUri().toString(),
                            r.after().map(v -> v.scores()).orElse(Map.of()),
                            r.previousVersion(),
                            r.input().train().size(),
                            Instant.now()));
        }
        deadLetters.flush();
        ModelLane.RoundInput in = r.input();
        if (!commit(lane, in.offsets(), in.newTraining(), in.newHeldOut())) {
            return;
        }
        log.info(RoundLine.of(r, publish));
        stats.round(
                new TrainerStats.Round(
                        r.model(),
                        r.version(),
                        r.previousVersion(),
                        publish,
                        r.decision().reason(),
                        in.train().size(),
                        in.newTraining(),
                        in.heldOut().size(),
                        r.before().map(v -> v.scores()).orElse(Map.of()),
                        r.after().map(v -> v.scores()).orElse(Map.of())));
    }

    /** Commits records that need no training: dead letters and held-out examples. */
    private void commitWithoutRound(ModelLane lane) throws Exception {
        lane.saveHeldOut();
        deadLetters.flush();
        Map<TopicPartition, OffsetAndMetadata> offsets = lane.offsets();
        if (commit(lane, offsets, 0, lane.newHeldOut())) {
            log.info(
                    "{}: committed {} without a round (no new training examples)",
                    lane.model,
                    offsets);
        }
    }

    private boolean commit(
            ModelLane lane,
            Map<TopicPartition, OffsetAndMetadata> offsets,
            int training,
            int heldOut) {
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            log.warn(
                    "{}: offsets {} not committed ({}); their records are read again",
                    lane.model,
                    offsets,
                    e.getMessage());
            lane.revoked(offsets.keySet());
            return false;
        }
        lane.committed(offsets, training, heldOut);
        stats.committed();
        return true;
    }

    /** Records returned while paused (a partition assigned mid-round) are read again later. */
    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            consumer.seek(tp, records.records(tp).get(0).offset());
        }
    }

    /** Keeps the lanes' uncommitted offsets in step with the partitions this instance owns. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            lanes.values().forEach(l -> l.revoked(Set.copyOf(partitions)));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (roundRunning) {
                consumer.pause(partitions);
            }
            if (!partitions.isEmpty()) {
                log.info("trainer {} assigned {}", trainerId, partitions);
            }
        }
    }

    /** Live counters. */
    public TrainerStats stats() {
        return stats;
    }

    /** What stopped the trainer by itself, if anything did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Whether the poll loop still runs. */
    public boolean isRunning() {
        return pollThread != null && stopped.getCount() > 0;
    }

    /**
     * Waits for the poll loop to end (a failure, {@link #close()} or {@link #halt()}).
     *
     * @return false if it still runs after the timeout
     */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
    public void close() {
        if (pollThread == null || !stopping.compareAndSet(false, true)) {
            return;
        }
        log.info("trainer {} stopping", trainerId);
        try {
            if (!stopped.await(closeTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "trainer {}: round still running after {}; halting",
                        trainerId,
                        closeTimeout);
                halt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            halt();
        }
        roundThread.shutdown();
        log.info("trainer {} stopped", trainerId);
    }

    /**
     * Stops as a crash would: nothing is promoted, announced or committed from now on; a running
     * round is abandoned (its checkpoint, if it gets written, stays unpromoted).
     */
    public void halt() {
        if (pollThread == null) {
            return;
        }
        halted.set(true);
        stopping.set(true);
        log.info("trainer {} halting without committing", trainerId);
        consumer.wakeup();
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        roundThread.shutdownNow();
    }

    private void closeClients() {
        List<AutoCloseable> clients = new ArrayList<>();
        clients.add(() -> consumer.close(Duration.ofSeconds(10)));
        clients.add(() -> producer.close(Duration.ofSeconds(10)));
        for (AutoCloseable c : clients) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("trainer {}: closing a Kafka client failed: {}", trainerId, e.toString());
            }
        }
    }

    private void sleep(long ms) {
        long end = System.currentTimeMillis() + ms;
        while (!stopping.get() && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
