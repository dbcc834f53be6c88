package io.capstream.producer;

import io.capstream.config.CapstreamConfig;
import io.capstream.schema.TopicSpec;
import io.capstream.util.UserInputException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events to capstream topics, keyed by source so the events of one source stay in order.
 * Values are serialized with the topic's own serde (Confluent wire format). Sends are asynchronous;
 * the first delivery failure is reported by the next {@link #send} or by {@link #flush()}.
 * Thread-safe.
 */
public final class EventProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong acked = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /** A producer with {@link ProducerSettings} for {@code bootstrapServers}. */
    public EventProducer(CapstreamConfig cfg, String bootstrapServers) {
        this(ProducerSettings.build(cfg, bootstrapServers));
    }

    EventProducer(Properties settings) {
        this.producer =
                new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    /** Serializes {@code value} for {@code topic} and sends it under {@code key}. */
    public <V> void send(TopicSpec<String, V> topic, String key, V value) {
        sendRaw(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value));
    }

    /** Sends bytes as they are; the demo and tests use it to inject corrupt records. */
    public void sendRaw(String topic, String key, byte[] value) {
        rethrow();
        producer.send(
                new ProducerRecord<>(topic, key, value),
                (meta, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, e);
                    }
                });
    }

    /** Waits until every record sent so far is acknowledged. */
    public void flush() {
        producer.flush();
        rethrow();
    }

    /** Records the broker has acknowledged. */
    public long acknowledged() {
        return acked.get();
    }

    private void rethrow() {
        Exception e = failure.get();
        if (e != null) {
            throw new UserInputException("sending to Kafka failed: " + e.getMessage(), e);
        }
    }

    /** Sends what is buffered, then closes the connection. */
    @Override
    public void close() {
        producer.close();
    }
}
