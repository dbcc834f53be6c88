package io.capstream.schema;

import io.capstream.schema.registry.SchemaRegistryClient;
import io.capstream.schema.serde.SpecificAvroSerde;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/** Builds {@link Topics}: {@code setRegistry} is required, the rest optional. */
public final class TopicsBuilder {

    private SchemaRegistryClient registry;
    private String prefix = Topics.DEFAULT_PREFIX;
    private int partitions = 4;
    private short replicationFactor = 1;
    private int maxMessageBytes = Topics.DEFAULT_MAX_MESSAGE_BYTES;
    private boolean autoRegister = true;

    TopicsBuilder() {}

    /** The registry every value serde uses. */
    public TopicsBuilder setRegistry(SchemaRegistryClient registry) {
        this.registry = registry;
        return this;
    }

    /** Prefix of every topic name (default {@code capstream.}); may be empty. */
    public TopicsBuilder optPrefix(String prefix) {
        this.prefix = prefix;
        return this;
    }

    /** Partitions of the topics (default 4); model-updates always has one. */
    public TopicsBuilder optPartitions(int partitions) {
        this.partitions = partitions;
        return this;
    }

    /** Replication factor of the topics (default 1; 3 on a production cluster). */
    public TopicsBuilder optReplicationFactor(int replicationFactor) {
        this.replicationFactor = (short) replicationFactor;
        return this;
    }

    /** {@code max.message.bytes} of the image topics (default 16 MiB). */
    public TopicsBuilder optMaxMessageBytes(int maxMessageBytes) {
        this.maxMessageBytes = maxMessageBytes;
        return this;
    }

    /** Whether the serializers register new schemas (default true). */
    public TopicsBuilder optAutoRegister(boolean autoRegister) {
        this.autoRegister = autoRegister;
        return this;
    }

    /**
     * Validates the options and builds the descriptors.
     *
     * @throws IllegalArgumentException naming the bad option
     */
    public Topics build() {
        Objects.requireNonNull(registry, "registry is not set");
        if (prefix == null || !prefix.matches("[a-zA-Z0-9._-]*")) {
            throw new IllegalArgumentException(
                    "topic prefix '"
                            + prefix
                            + "' may only contain letters, digits, '.', '_', '-'");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException(
                    "topic partitions is " + partitions + ", must be >= 1");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "topic replication factor is " + replicationFactor + ", must be >= 1");
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException(
                    "topic max.message.bytes is " + maxMessageBytes + ", must be >= 1024");
        }
        return new Topics(this);
    }

    /**
     * Images are already compressed: recompressing them costs CPU and saves nothing. (The topic
     * spelling of the producer's {@code compression.type=none} is {@code uncompressed}.)
     */
    <V extends SpecificRecord> TopicSpec<String, V> imageTopic(String name, Class<V> type) {
        return spec(
                name,
                type,
                partitions,
                Map.of(
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        Integer.toString(maxMessageBytes),
                        TopicConfig.COMPRESSION_TYPE_CONFIG,
                        "uncompressed",
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_DELETE));
    }

    <V extends SpecificRecord> TopicSpec<String, V> eventTopic(String name, Class<V> type) {
        return spec(
                name,
                type,
                partitions,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
    }

    /** The latest record per key is the state; one partition keeps all updates in order. */
    <V extends SpecificRecord> TopicSpec<String, V> compactedTopic(String name, Class<V> type) {
        return spec(
                name,
                type,
                1,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    private <V extends SpecificRecord> TopicSpec<String, V> spec(
            String name, Class<V> type, int partitionCount, Map<String, String> configs) {
        return new TopicSpec<>(
                prefix + name,
                Serdes.String(),
                new SpecificAvroSerde<>(registry, type, false, autoRegister),
                partitionCount,
                replicationFactor,
                configs);
    }
}
