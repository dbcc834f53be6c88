package io.capstream.trainer;

import io.capstream.schema.TopicSpec;
import io.capstream.schema.avro.ProcessingError;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends labeled records that cannot be learned from to {@code capstream.dlq} as {@link
 * ProcessingError}s with the original coordinates, one log line each. Sends are asynchronous; the
 * trainer calls {@link #flush()} before it commits the offsets of the records they stand for.
 */
final class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Producer<String, byte[]> producer;
    private final TopicSpec<String, ProcessingError> topic;
    private final String trainerId;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    DeadLetters(
            Producer<String, byte[]> producer,
            TopicSpec<String, ProcessingError> topic,
            String trainerId) {
        this.producer = producer;
        this.topic = topic;
        this.trainerId = trainerId;
    }

    /** Sends the dead letter of one rejected record. */
    void send(ConsumerRecord<String, byte[]> r, LabeledRecords.Rejected why) {
        ProcessingError err =
                ProcessingError.newBuilder()
                        .setReason(why.reason())
                        .setMessage(why.message())
                        .setOriginalTopic(r.topic())
                        .setOriginalPartition(r.partition())
                        .setOriginalOffset(r.offset())
                        .setEventId(why.eventId())
                        .setSource(why.source() != null ? why.source() : r.key())
                        .setOccurredAt(Instant.now())
                        .setWorkerId(trainerId)
                        .build();
        log.warn("to dead-letter topic: {} {}", why.reason(), why.message());
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), err);
        producer.send(
                new ProducerRecord<>(topic.name(), r.key(), value),
                (meta, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
    }

    /**
     * Waits until every dead letter sent so far is acknowledged.
     *
     * @throws KafkaException when one could not be written (its record must be read again)
     */
    void flush() {
        producer.flush();
        Exception e = failure.get();
        if (e != null) {
            throw new KafkaException(
                    "writing to " + topic.name() + " failed: " + e.getMessage(), e);
        }
    }
}
