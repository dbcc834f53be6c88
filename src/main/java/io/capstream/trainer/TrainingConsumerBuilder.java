package io.capstream.trainer;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.schema.registry.SchemaRegistryClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a {@link TrainingConsumer}: {@code setConfig}, {@code setBootstrapServers} and {@code
 * setRegistry} are required, the rest optional.
 */
public final class TrainingConsumerBuilder {
    CapstreamConfig cfg;
    String bootstrap;
    SchemaRegistryClient registry;
    ModelStore store;
    String trainerId;
    Duration closeTimeout = Duration.ofMinutes(5);

    TrainingConsumerBuilder() {}

    /** Topics, {@code trainer.*} settings, {@code model.store}, Kafka pass-through settings. */
    public TrainingConsumerBuilder setConfig(CapstreamConfig cfg) {
        this.cfg = cfg;
        return this;
    }

    /** The brokers (the config's {@code bootstrap.servers}, or an embedded broker's). */
    public TrainingConsumerBuilder setBootstrapServers(String bootstrapServers) {
        this.bootstrap = bootstrapServers;
        return this;
    }

    /** The schema registry of every topic's serde. */
    public TrainingConsumerBuilder setRegistry(SchemaRegistryClient registry) {
        this.registry = registry;
        return this;
    }

    /** The model store (default: the one {@code model.store} names). */
    public TrainingConsumerBuilder optModelStore(ModelStore store) {
        this.store = store;
        return this;
    }

    /** The id in logs, client ids and dead letters (default: trainer-HOST-PID). */
    public TrainingConsumerBuilder optTrainerId(String id) {
        this.trainerId = id;
        return this;
    }

    /** How long a graceful close waits for a running round before halting (default 5 min). */
    public TrainingConsumerBuilder optCloseTimeout(Duration timeout) {
        this.closeTimeout = timeout;
        return this;
    }

    /**
     * Validates and builds (nothing is started yet).
     *
     * @throws io.capstream.util.UserInputException for a bad {@code model.store}
     */
    public TrainingConsumer build() {
        Objects.requireNonNull(cfg, "config is not set");
        Objects.requireNonNull(bootstrap, "bootstrap servers are not set");
        Objects.requireNonNull(registry, "registry is not set");
        if (store == null) {
            store = ModelStore.fromConfig(cfg.get(ConfigKeys.MODEL_STORE));
        }
        if (trainerId == null || trainerId.isBlank()) {
            trainerId = "trainer-" + host() + "-" + ProcessHandle.current().pid();
        }
        return new TrainingConsumer(this);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
