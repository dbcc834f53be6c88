package io.capstream.worker;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka Streams settings of the worker: exactly-once v2, and every size limit sized for
 * multi-megabyte image records (producer request size, consumer fetch size and the worker's own
 * internal topics must agree, or the stream thread dies on the first large image).
 */
public final class WorkerStreamsConfig {
    /** Room for the record's key, headers and batch framing on top of the value. */
    static final int RECORD_OVERHEAD_BYTES = 64 * 1024;

    private WorkerStreamsConfig() {}

    /**
     * The worker's Kafka Streams {@code application.id}, which is also its consumer group: {@code
     * <topic.prefix>worker} ({@code capstream.worker} by default), so deployments with different
     * prefixes on one cluster stay apart. Autoscalers that watch the worker's consumer lag (KEDA in
     * {@code deploy/}) name this group.
     */
    public static String applicationId(CapstreamConfig cfg) {
        return cfg.get(ConfigKeys.TOPIC_PREFIX) + "worker";
    }

    public static Properties build(
            CapstreamConfig cfg, String bootstrapServers, String applicationId, Path stateDir) {
        int maxMessage = cfg.get(ConfigKeys.MAX_MESSAGE_BYTES);
        Properties p = new Properties();
        p.putAll(cfg.kafkaProperties("common"));
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, cfg.get(ConfigKeys.STREAM_THREADS));
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, cfg.get(ConfigKeys.TOPIC_REPLICATION));
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        p.put(
                StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                maxMessage + RECORD_OVERHEAD_BYTES);
        p.put(
                StreamsConfig.producerPrefix(ProducerConfig.BUFFER_MEMORY_CONFIG),
                Math.max(64L << 20, 4L * maxMessage));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "none");
        p.put(
                StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                maxMessage + RECORD_OVERHEAD_BYTES);
        p.put(
                StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG),
                Math.max(52_428_800, maxMessage + RECORD_OVERHEAD_BYTES));
        // The batch-buffer changelogs hold raw images too.
        p.put(
                StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG),
                maxMessage + RECORD_OVERHEAD_BYTES);
        p.putAll(cfg.kafkaProperties("streams"));
        return p;
    }
}
