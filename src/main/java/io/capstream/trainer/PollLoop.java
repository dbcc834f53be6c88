package io.capstream.trainer;

import io.capstream.model.checkpoint.ModelStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll thread of a {@link TrainingConsumer}: it owns the consumer and the producer. It sorts
 * each poll's records into the model lanes (training sample, held-out sample or dead letter) and
 * starts a {@link TrainingRound} when a lane is due. The round runs on the round thread while this
 * thread keeps polling with every partition paused, so the group membership survives rounds longer
 * than {@code max.poll.interval.ms}. After a round: checkpoint fsynced, held-out slice saved, then
 * (if the round validated well enough) CURRENT promoted and the update announced, dead letters
 * flushed, and only then the round's offsets committed.
 */
final class PollLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(PollLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long REGISTRY_BACKOFF_MS = 1000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final UpdatePublisher publisher;
    private final DeadLetters deadLetters;
    private final Map<String, ModelLane> lanes;
    private final LabeledRecords decoder;
    private final HoldOut holdOut;
    private final TrainerSettings settings;
    private final ModelStore store;
    private final ExecutorService roundThread;
    private final TrainerStats stats;
    private final String trainerId;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean halted = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable failure;
    private boolean roundRunning;

    PollLoop(
            KafkaConsumer<String, byte[]> consumer,
            KafkaProducer<String, byte[]> producer,
            UpdatePublisher publisher,
            DeadLetters deadLetters,
            Map<String, ModelLane> lanes,
            LabeledRecords decoder,
            TrainerSettings settings,
            ModelStore store,
            ExecutorService roundThread,
            TrainerStats stats,
            String trainerId) {
        this.consumer = consumer;
        this.producer = producer;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.lanes = lanes;
        this.decoder = decoder;
        this.holdOut = new HoldOut(settings.validationFraction());
        this.settings = settings;
        this.store = store;
        this.roundThread = roundThread;
        this.stats = stats;
        this.trainerId = trainerId;
    }

    /** Graceful: no new round starts; the loop ends after a running round committed. */
    void stop() {
        stopping.set(true);
    }

    /** As a crash: nothing is promoted, announced or committed from now on. */
    void halt() {
        halted.set(true);
        stopping.set(true);
        consumer.wakeup();
    }

    CountDownLatch stopped() {
        return stopped;
    }

    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
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
