package io.capstream.schema;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * Everything about one topic in one place: its name, the serdes of its keys and values, and how it
 * is created. Immutable.
 *
 * @param name the topic name, prefix included
 * @param keySerde serde of the record keys
 * @param valueSerde serde of the record values
 * @param partitions partitions to create it with; an existing topic must have at least these
 * @param replicationFactor replicas to create it with
 * @param configs topic configs to create it with, e.g. {@code max.message.bytes}
 * @param <K> key type
 * @param <V> value type
 */
public record TopicSpec<K, V>(
        String name,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        int partitions,
        short replicationFactor,
        Map<String, String> configs) {

    /** Validates the fields and copies the configs. */
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde of " + name);
        Objects.requireNonNull(valueSerde, "valueSerde of " + name);
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name is blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException(
                    "topic " + name + ": partitions is " + partitions + ", must be >= 1");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "topic " + name + ": replication factor is " + replicationFactor);
        }
        configs = Map.copyOf(configs);
    }

    /** The request that creates this topic. */
    public NewTopic newTopic() {
        return new NewTopic(name, partitions, replicationFactor).configs(configs);
    }

    /** The topic's {@code max.message.bytes}, when it sets one. */
    public OptionalInt maxMessageBytes() {
        String v = configs.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
        return v == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(v));
    }

    /** Whether the topic keeps only the latest record per key. */
    public boolean compacted() {
        return configs.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, "")
                .contains(TopicConfig.CLEANUP_POLICY_COMPACT);
    }
}
