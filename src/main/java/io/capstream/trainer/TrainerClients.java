package io.capstream.trainer;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.producer.ProducerSettings;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The Kafka client settings of the trainer. */
final class TrainerClients {
    /** Room for the key, headers and batch framing on top of the largest value. */
    private static final int RECORD_OVERHEAD_BYTES = 64 * 1024;

    private TrainerClients() {}

    /**
     * A plain consumer that commits by hand and reads only committed records, fetching records as
     * large as {@code topic.max.message.bytes}. The {@code kafka.common.*} and {@code
     * kafka.consumer.*} pass-through settings apply, except the two the commit protocol rests on.
     */
    static Properties consumer(
            CapstreamConfig cfg, String bootstrap, String groupId, String clientId) {
        int fetch = cfg.get(ConfigKeys.MAX_MESSAGE_BYTES) + RECORD_OVERHEAD_BYTES;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, fetch);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Math.max(52_428_800, fetch));
        p.putAll(cfg.kafkaProperties("consumer"));
        // Offsets are committed only after the checkpoint that learned from them is durable.
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Labeled records of aborted producer transactions are never trained on.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return p;
    }

    /** The producer of dead letters and model updates: acks=all, idempotent. */
    static Properties producer(CapstreamConfig cfg, String bootstrap, String clientId) {
        Properties p = ProducerSettings.build(cfg, bootstrap);
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return p;
    }
}
