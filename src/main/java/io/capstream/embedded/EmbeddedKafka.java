package io.capstream.embedded;

import io.capstream.util.UserInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real single-node Kafka (KRaft broker and controller in one) running inside this JVM on
 * 127.0.0.1, configured so that consumer groups, transactions and exactly-once Streams work with
 * one replica. Restarting on the same data directory keeps the topics and their records.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().build().start()) {
 *     props.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 *
 * <p>Caveat: a fatal broker fault (e.g. a failed disk) halts the JVM, as in a real broker.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** Largest record the broker accepts unless configured otherwise: 16 MiB, for images. */
    public static final int DEFAULT_MESSAGE_MAX_BYTES = 16 * 1024 * 1024;

    private static final String CONTROLLER = "CONTROLLER";

    private final Path configuredDataDir;
    private final int port;
    private final int controllerPort;
    private final int messageMaxBytes;
    private final Map<String, String> overrides;
    private Path dataDir;
    private Map<String, String> config = Map.of();
    private KafkaRaftServer server;
    private Duration startupTime = Duration.ZERO;

    /**
     * @param dataDir where the data lives; null for a temporary directory deleted on close
     */
    EmbeddedKafka(
            Path dataDir,
            int port,
            int controllerPort,
            int messageMaxBytes,
            Map<String, String> overrides) {
        this.configuredDataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.messageMaxBytes = messageMaxBytes;
        this.overrides = Map.copyOf(overrides);
    }

    /** Starts a builder; every setting is optional. */
    public static EmbeddedKafkaBuilder builder() {
        return new EmbeddedKafkaBuilder();
    }

    private Map<String, String> brokerConfig() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:"
                        + port
                        + ","
                        + CONTROLLER
                        + "://127.0.0.1:"
                        + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.toString());
        p.put("num.partitions", "1");
        // Kafka defaults these to 3 replicas / min ISR 2: one broker would then never serve
        // consumer groups or transactions (EOS).
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        p.put("message.max.bytes", Integer.toString(messageMaxBytes));
        p.putAll(overrides);
        return p;
    }

    /**
     * Formats the data directory if it is new, then starts the broker and waits until it serves
     * requests.
     *
     * @throws UserInputException with one line naming the problem (port taken, directory locked)
     */
    public synchronized EmbeddedKafka start() {
        if (server != null) {
            return this;
        }
        Ports.requireFree(port, "embedded Kafka");
        Ports.requireFree(controllerPort, "embedded Kafka's controller");
        long t0 = System.nanoTime();
        KafkaRaftServer starting = null;
        try {
            dataDir =
                    configuredDataDir != null
                            ? Files.createDirectories(configuredDataDir)
                            : Files.createTempDirectory("capstream-kafka-");
            config = brokerConfig();
            KafkaConfig kafkaConfig = new KafkaConfig(config, false);
            formatIfNew();
            starting = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
            starting.startup();
        } catch (Exception e) {
            stopQuietly(starting);
            deleteIfTemporary();
            throw new UserInputException(
                    "embedded Kafka failed to start on 127.0.0.1:"
                            + port
                            + " with data in "
                            + dataDir
                            + ": "
                            + rootMessage(e),
                    e);
        }
        server = starting;
        startupTime = Duration.ofNanos(System.nanoTime() - t0);
        return this;
    }

    /**
     * Same as {@code kafka-storage format --ignore-formatted}: keeps an existing cluster's data.
     */
    private void formatIfNew() throws Exception {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER)
                .setMetadataLogDirectory(dataDir.toString())
                .addDirectory(dataDir.toString())
                .setIgnoreFormatted(true)
                .run();
    }

    /** {@code 127.0.0.1:<port>}, for the clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The broker's client port. */
    public int port() {
        return port;
    }

    /** Where the logs (topic data) and the metadata live; null before {@link #start()}. */
    public Path dataDir() {
        return dataDir;
    }

    /** The broker configuration it runs with; empty before {@link #start()}. */
    public Map<String, String> config() {
        return config;
    }

    /** How long format and startup took; zero before {@link #start()}. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Shuts the broker down cleanly; deletes the data directory if it was a temporary one. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        deleteIfTemporary();
    }

    private void deleteIfTemporary() {
        if (configuredDataDir == null && dataDir != null) {
            try {
                Utils.delete(dataDir.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + dataDir, e);
            }
            dataDir = null;
        }
    }

    private static void stopQuietly(KafkaRaftServer partial) {
        if (partial == null) {
            return;
        }
        try {
            partial.shutdown();
        } catch (RuntimeException ignored) {
            // Already failing to start; the original error is the one to report.
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
