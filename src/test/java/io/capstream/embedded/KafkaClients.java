package io.capstream.embedded;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;

/** Client settings and a poll-until-deadline reader for integration tests. */
public final class KafkaClients {

    private KafkaClients() {}

    /** Producer settings able to send records up to {@code maxBytes}, uncompressed. */
    public static Map<String, Object> producerConfig(String bootstrap, int maxBytes) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxBytes);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(32 * 1024 * 1024, 2L * maxBytes));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        return p;
    }

    /**
     * Consumer settings of a fresh group reading from the start, fetching up to {@code maxBytes}.
     */
    public static Map<String, Object> consumerConfig(String bootstrap, int maxBytes) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, maxBytes);
        c.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Math.max(maxBytes, 52_428_800));
        return c;
    }

    /**
     * Reads {@code topic} until {@code count} records arrived, failing the test with what was read
     * when the deadline passes first.
     */
    public static <K, V> List<ConsumerRecord<K, V>> readRecords(
            Map<String, Object> consumerConfig,
            Deserializer<K> keys,
            Deserializer<V> values,
            String topic,
            int count,
            Duration timeout) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(consumerConfig, keys, values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        if (records.size() < count) {
            fail(
                    "expected "
                            + count
                            + " records on "
                            + topic
                            + " but read only "
                            + records.size()
                            + " within "
                            + timeout.toSeconds()
                            + " s");
        }
        return records;
    }
}
