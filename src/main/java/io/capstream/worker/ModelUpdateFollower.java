package io.capstream.worker;

import io.capstream.schema.TopicSpec;
import io.capstream.schema.avro.ErrorReason;
import io.capstream.schema.avro.ModelUpdate;
import io.capstream.schema.avro.ProcessingError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code capstream.model-updates} on a thread of its own and applies each announcement with
 * a {@link ModelUpdateApplier}: load and check off the inference path, swap between batches.
 *
 * <p>Every worker must see every update, so the follower has no consumer group: it assigns itself
 * the topic's partitions and reads them from the start, {@code read_committed}. At start-up it
 * reads up to the end and applies the latest announcement of each model (so a restarted worker
 * serves what was announced last, a rollback included); {@link #awaitCaughtUp} lets the worker wait
 * for that before its stream starts. A rejected checkpoint becomes a {@code CHECKPOINT_REJECTED}
 * record on the dead-letter topic, keyed by model name, with the update's coordinates.
 */
final class ModelUpdateFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ModelUpdateFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final TopicSpec<String, ModelUpdate> updates;
    private final TopicSpec<String, ProcessingError> dlq;
    private final Properties producerProps;
    private final String workerId;
    private final WorkerStats stats;
    private final ModelUpdateApplier applier;
    private final KafkaConsumer<String, ModelUpdate> consumer;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean started;
    private KafkaProducer<String, ProcessingError> dlqProducer; // follower thread only, lazily

    /**
     * @param consumerProps client settings (bootstrap servers, security); group and isolation are
     *     set here
     * @param producerProps settings of the dead-letter producer, created at the first rejection
     */
    ModelUpdateFollower(
            TopicSpec<String, ModelUpdate> updates,
            TopicSpec<String, ProcessingError> dlq,
            Properties consumerProps,
            Properties producerProps,
            String workerId,
            WorkerStats stats,
            ModelUpdateApplier applier) {
        this.updates = updates;
        this.dlq = dlq;
        this.producerProps = producerProps;
        this.workerId = workerId;
        this.stats = stats;
        this.applier = applier;
        Properties c = new Properties();
        c.putAll(consumerProps);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG); // assign(), no group: each worker reads it all
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "capstream-model-updates-" + workerId);
        this.consumer =
                new KafkaConsumer<>(
                        c, new StringDeserializer(), updates.valueSerde().deserializer());
        this.thread = new Thread(this::run, "capstream-model-updates");
        this.thread.setDaemon(true);
    }

    void start() {
        started = true;
        thread.start();
    }

    /**
     * Waits until the updates announced before the start were read and applied.
     *
     * @return false if that did not happen within {@code timeout}
     */
    boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            List<TopicPartition> parts = partitions();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            List<ConsumerRecord<String, ModelUpdate>> backlog = new ArrayList<>();
            while (running && parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                backlog.addAll(poll());
            }
            log.info(
                    "model updates: {} announcement(s) on {} before the start; applying the latest"
                            + " of each model",
                    backlog.size(),
                    updates.name());
            applyLatest(backlog);
            caughtUp.countDown();
            while (running) {
                applyLatest(poll());
            }
        } catch (WakeupException | InterruptedException e) {
            // close() asked us to stop.
        } catch (RuntimeException e) {
            log.error(
                    "model updates: follower stopped ({}); the served models stay as they are",
                    e.toString());
        } finally {
            caughtUp.countDown();
            consumer.close(Duration.ofSeconds(5));
            if (dlqProducer != null) {
                dlqProducer.close(Duration.ofSeconds(5));
            }
        }
    }

    private List<TopicPartition> partitions() {
        List<TopicPartition> parts = new ArrayList<>();
        consumer.partitionsFor(updates.name())
                .forEach(p -> parts.add(new TopicPartition(p.topic(), p.partition())));
        if (parts.isEmpty()) {
            throw new IllegalStateException("topic " + updates.name() + " does not exist");
        }
        return parts;
    }

    /**
     * One poll. An undecodable announcement is dead-lettered and skipped; any other client error
     * (broker unreachable, not authorised) is logged and retried after a pause.
     */
    private List<ConsumerRecord<String, ModelUpdate>> poll() throws InterruptedException {
        List<ConsumerRecord<String, ModelUpdate>> out = new ArrayList<>();
        try {
            consumer.poll(POLL).forEach(out::add);
        } catch (RecordDeserializationException e) {
            String msg =
                    "model update at "
                            + e.topicPartition()
                            + "@"
                            + e.offset()
                            + " cannot be read and is skipped: "
                            + e.getMessage();
            log.warn(msg);
            deadLetter(ErrorReason.SCHEMA_ERROR, msg, e.topicPartition(), e.offset(), null);
            consumer.seek(e.topicPartition(), e.offset() + 1);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            log.warn(
                    "model updates: reading {} failed ({}); retrying in {} s",
                    updates.name(),
                    e.toString(),
                    RETRY.toSeconds());
            Thread.sleep(RETRY.toMillis());
        }
        return out;
    }

    private void applyLatest(List<ConsumerRecord<String, ModelUpdate>> records) {
        List<ConsumerRecord<String, ModelUpdate>> announcements = new ArrayList<>();
        for (ConsumerRecord<String, ModelUpdate> r : records) {
            if (r.value() != null) { // a tombstone only deletes an old announcement
                announcements.add(r);
            }
        }
        for (ConsumerRecord<String, ModelUpdate> r :
                ModelUpdateApplier.latestPerModel(announcements, r -> r.value().getModelName())) {
            if (!running) {
                return;
            }
            ModelUpdateApplier.Outcome o = applier.apply(r.value());
            switch (o.status()) {
                case APPLIED, IGNORED -> log.info(o.message());
                case REJECTED -> {
                    log.warn(o.message());
                    deadLetter(
                            ErrorReason.CHECKPOINT_REJECTED,
                            o.message(),
                            new TopicPartition(r.topic(), r.partition()),
                            r.offset(),
                            r.value().getModelName());
                }
            }
        }
    }

    private void deadLetter(
            ErrorReason reason, String message, TopicPartition tp, long offset, String model) {
        stats.error(reason);
        ProcessingError err =
                ProcessingError.newBuilder()
                        .setReason(reason)
                        .setMessage(message)
                        .setOriginalTopic(tp.topic())
                        .setOriginalPartition(tp.partition())
                        .setOriginalOffset(offset)
                        .setSource(model)
                        .setOccurredAt(Instant.now())
                        .setWorkerId(workerId)
                        .build();
        try {
            if (dlqProducer == null) {
                dlqProducer =
                        new KafkaProducer<>(
                                producerProps,
                                new StringSerializer(),
                                dlq.valueSerde().serializer());
            }
            dlqProducer
                    .send(new ProducerRecord<>(dlq.name(), model, err))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn(
                    "model updates: dead-letter record not written to {}: {}",
                    dlq.name(),
                    e.toString());
        }
    }

    /** Stops following; a checkpoint being loaded is finished (or rejected) first. */
    @Override
    public void close() {
        running = false;
        if (!started) {
            consumer.close(Duration.ofSeconds(5));
            return;
        }
        consumer.wakeup();
        if (thread.isAlive()) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (thread.isAlive()) {
            log.warn("model updates: follower did not stop within 30 s");
        }
    }
}
