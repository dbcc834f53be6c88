package io.capstream.embedded;

import java.nio.file.Path;
import java.time.Duration;

/** Builds an {@link ApicurioRegistry}; every setting is optional. */
public final class ApicurioRegistryBuilder {

    private Path home;
    private int port;
    private Duration startTimeout = Duration.ofSeconds(90);
    private Path logFile;
    private Path dataDir;
    private boolean ownShutdownHook = true;

    ApicurioRegistryBuilder() {}

    /** Directory of the unpacked server; default {@link ApicurioRegistry#defaultHome()}. */
    public ApicurioRegistryBuilder optHome(Path home) {
        this.home = home;
        return this;
    }

    /** HTTP port on 127.0.0.1; 0 (default) picks a free one. */
    public ApicurioRegistryBuilder optPort(int port) {
        this.port = port;
        return this;
    }

    /** How long to wait for the server to answer (default 90 s: it takes ~6-11 s). */
    public ApicurioRegistryBuilder optStartTimeout(Duration startTimeout) {
        this.startTimeout = startTimeout;
        return this;
    }

    /**
     * Keeps the schemas in an H2 database in this directory, so a restarted registry still knows
     * the ids in the broker's records. Default: in memory, lost on close.
     */
    public ApicurioRegistryBuilder optDataDir(Path dataDir) {
        this.dataDir = dataDir;
        return this;
    }

    /** Where the server's output goes; default a temporary file deleted on close. */
    public ApicurioRegistryBuilder optLogFile(Path logFile) {
        this.logFile = logFile;
        return this;
    }

    /**
     * Whether the registry stops its process from a JVM shutdown hook of its own (default true). An
     * owner that must use the registry during its own shutdown (draining a worker) turns it off and
     * guarantees the stop itself.
     */
    public ApicurioRegistryBuilder optShutdownHook(boolean ownShutdownHook) {
        this.ownShutdownHook = ownShutdownHook;
        return this;
    }

    /**
     * Validates the settings; {@link ApicurioRegistry#start()} launches the server.
     *
     * @throws IllegalArgumentException naming the bad setting
     */
    public ApicurioRegistry build() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                    "Apicurio Registry port " + port + " is not 0..65535");
        }
        if (startTimeout == null || startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "Apicurio Registry start timeout must be positive, got " + startTimeout);
        }
        return new ApicurioRegistry(
                home != null ? home : ApicurioRegistry.defaultHome(),
                port != 0 ? port : Ports.free(),
                startTimeout,
                dataDir,
                logFile,
                ownShutdownHook);
    }
}
