package io.capstream.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds an {@link EmbeddedKafka}; every setting is optional. */
public final class EmbeddedKafkaBuilder {

    private Path dataDir;
    private int port;
    private int controllerPort;
    private int messageMaxBytes = EmbeddedKafka.DEFAULT_MESSAGE_MAX_BYTES;
    private final Map<String, String> overrides = new LinkedHashMap<>();

    EmbeddedKafkaBuilder() {}

    /**
     * Where the broker keeps its data; an existing formatted directory is reused with its topics.
     * Default: a temporary directory deleted on close.
     */
    public EmbeddedKafkaBuilder optDataDir(Path dataDir) {
        this.dataDir = dataDir;
        return this;
    }

    /** The client port on 127.0.0.1; 0 (default) picks a free one. */
    public EmbeddedKafkaBuilder optPort(int port) {
        this.port = port;
        return this;
    }

    /** The KRaft controller port on 127.0.0.1; 0 (default) picks a free one. */
    public EmbeddedKafkaBuilder optControllerPort(int controllerPort) {
        this.controllerPort = controllerPort;
        return this;
    }

    /** The broker's {@code message.max.bytes} (default 16 MiB). */
    public EmbeddedKafkaBuilder optMessageMaxBytes(int messageMaxBytes) {
        this.messageMaxBytes = messageMaxBytes;
        return this;
    }

    /** Any other broker setting; applied last. */
    public EmbeddedKafkaBuilder optConfig(String key, String value) {
        overrides.put(key, value);
        return this;
    }

    /**
     * Validates the settings; {@link EmbeddedKafka#start()} starts the broker.
     *
     * @throws IllegalArgumentException naming the bad setting
     */
    public EmbeddedKafka build() {
        checkPort("port", port);
        checkPort("controller port", controllerPort);
        if (port != 0 && port == controllerPort) {
            throw new IllegalArgumentException("port and controller port are both " + port);
        }
        if (messageMaxBytes < 1024) {
            throw new IllegalArgumentException(
                    "message.max.bytes is " + messageMaxBytes + ", must be >= 1024");
        }
        int brokerPort = port != 0 ? port : Ports.free();
        int ctrlPort = controllerPort;
        while (ctrlPort == 0 || ctrlPort == brokerPort) {
            ctrlPort = Ports.free();
        }
        return new EmbeddedKafka(
                dataDir == null ? null : dataDir.toAbsolutePath(),
                brokerPort,
                ctrlPort,
                messageMaxBytes,
                overrides);
    }

    private static void checkPort(String what, int p) {
        if (p < 0 || p > 65535) {
            throw new IllegalArgumentException(
                    "embedded Kafka " + what + " " + p + " is not 0..65535");
        }
    }
}
