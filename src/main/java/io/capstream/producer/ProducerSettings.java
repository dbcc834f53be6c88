package io.capstream.producer;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Producer settings for image records: sized for multi-megabyte values (request size and buffer
 * follow {@code topic.max.message.bytes}), uncompressed (images are compressed already), acks=all
 * and idempotent so a retry never duplicates an event.
 */
public final class ProducerSettings {
    /** Room for the key, headers and batch framing on top of the largest value. */
    static final int RECORD_OVERHEAD_BYTES = 64 * 1024;

    private ProducerSettings() {}

    /**
     * The settings for {@code bootstrapServers}, overlaid with the {@code kafka.common.*} and
     * {@code kafka.producer.*} pass-through settings of {@code cfg}.
     */
    public static Properties build(CapstreamConfig cfg, String bootstrapServers) {
        int maxMessage = cfg.get(ConfigKeys.MAX_MESSAGE_BYTES);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // One request in flight per broker: with more, a first batch that fails retriably (e.g.
        // NOT_LEADER_OR_FOLLOWER on a topic created a moment ago) while a later batch succeeds is
        // retried with OUT_OF_ORDER_SEQUENCE_NUMBER forever (KAFKA-14359; seen here on 4.1.1).
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxMessage + RECORD_OVERHEAD_BYTES);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(64L << 20, 4L * maxMessage));
        // Large batches amortise request overhead for many small images; a big image travels alone.
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.putAll(cfg.kafkaProperties("producer"));
        return p;
    }
}
