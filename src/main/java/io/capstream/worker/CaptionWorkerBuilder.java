package io.capstream.worker;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.model.Captioner;
import io.capstream.model.DjlCaptioner;
import io.capstream.schema.ConfiguredTopics;
import io.capstream.schema.Topics;
import io.capstream.schema.avro.WorkerMetrics;
import io.capstream.schema.registry.SchemaRegistryClient;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds a {@link CaptionWorker}: {@code setConfig}, {@code setBootstrapServers}, {@code
 * setRegistry} and {@code setModels} are required, the rest optional.
 */
public final class CaptionWorkerBuilder {
    CapstreamConfig cfg;
    String bootstrap;
    Topics topics;
    Map<String, Captioner> models;
    Path stateDir;
    final List<Consumer<WorkerMetrics>> metricsListeners = new ArrayList<>();
    Duration drainTimeout = Duration.ofSeconds(30);
    String workerId;
    CheckpointLoader checkpointLoader;
    private SchemaRegistryClient registry;

    CaptionWorkerBuilder() {}

    /** Topic names and sizes, batching, threads, metrics window and Kafka pass-through settings. */
    public CaptionWorkerBuilder setConfig(CapstreamConfig cfg) {
        this.cfg = cfg;
        return this;
    }

    /** The brokers (the config's {@code bootstrap.servers}, or an embedded broker's). */
    public CaptionWorkerBuilder setBootstrapServers(String bootstrapServers) {
        this.bootstrap = bootstrapServers;
        return this;
    }

    /** The schema registry every topic's serde uses. */
    public CaptionWorkerBuilder setRegistry(SchemaRegistryClient registry) {
        this.registry = registry;
        return this;
    }

    /**
     * The models to serve, by the name events ask for ({@code iba-cd}, {@code decider}); the worker
     * owns them from now on and closes them when it stops.
     */
    public CaptionWorkerBuilder setModels(Map<String, Captioner> models) {
        this.models = models;
        return this;
    }

    /** Kafka Streams state directory; default {@code worker.state.dir}, else a temp directory. */
    public CaptionWorkerBuilder optStateDir(Path stateDir) {
        this.stateDir = stateDir;
        return this;
    }

    /** Called with every metrics window the worker publishes (on the metrics thread). */
    public CaptionWorkerBuilder optMetricsListener(Consumer<WorkerMetrics> listener) {
        this.metricsListeners.add(listener);
        return this;
    }

    /**
     * How announced checkpoints are opened (default: {@code DjlCaptioner.open} on {@code
     * model.device} with {@code model.sampling.steps}).
     */
    public CaptionWorkerBuilder optCheckpointLoader(CheckpointLoader loader) {
        this.checkpointLoader = loader;
        return this;
    }

    /** How long a graceful stop waits for the buffers to drain (default 30 s). */
    public CaptionWorkerBuilder optDrainTimeout(Duration drainTimeout) {
        this.drainTimeout = drainTimeout;
        return this;
    }

    /**
     * Validates the settings and builds the worker; nothing is started yet.
     *
     * @throws IllegalArgumentException naming the missing or bad setting
     */
    public CaptionWorker build() {
        if (cfg == null) {
            throw new IllegalArgumentException("worker config is not set");
        }
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("worker bootstrap servers are not set");
        }
        if (registry == null) {
            throw new IllegalArgumentException("worker schema registry is not set");
        }
        if (models == null || models.isEmpty()) {
            throw new IllegalArgumentException("worker has no model to serve");
        }
        if (drainTimeout == null || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("worker drain timeout is " + drainTimeout);
        }
        if (checkpointLoader == null) {
            String device = cfg.get(ConfigKeys.DEVICE);
            int steps = cfg.get(ConfigKeys.SAMPLING_STEPS);
            checkpointLoader = dir -> DjlCaptioner.open(dir, device, steps);
        }
        topics = ConfiguredTopics.of(cfg, registry);
        String id = cfg.get(ConfigKeys.WORKER_ID);
        workerId = id.isEmpty() ? defaultWorkerId() : id;
        return new CaptionWorker(this);
    }

    private static String defaultWorkerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "worker";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
