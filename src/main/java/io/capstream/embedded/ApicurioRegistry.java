package io.capstream.embedded;

import io.capstream.schema.registry.CompatibilityLevel;
import io.capstream.schema.registry.RestSchemaRegistryClient;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Apicurio Registry 3.0.9 running as a child JVM on 127.0.0.1, serving the Confluent Schema
 * Registry API at {@link #url()}. The build unpacks the server into {@code
 * target/apicurio-registry}. Schemas live in memory, or in a data directory that keeps them (and
 * their ids) across restarts. The process is stopped by {@link #close()} and, should the JVM exit
 * first (Ctrl-C included), by a shutdown hook (unless {@link
 * ApicurioRegistryBuilder#optShutdownHook} hands that duty to the owner).
 *
 * <pre>{@code
 * try (ApicurioRegistry registry = ApicurioRegistry.builder().build().start()) {
 *     props.put("schema.registry.url", registry.url());
 * }
 * }</pre>
 */
public final class ApicurioRegistry implements AutoCloseable {

    /** System property naming the directory of the unpacked server. */
    public static final String HOME_PROPERTY = "capstream.registry.home";

    /** The server's executable jar inside its home directory. */
    public static final String RUNNER_JAR = "apicurio-registry-app-3.0.9-runner.jar";

    /** Path of the Confluent-compatible API on the server. */
    public static final String CCOMPAT_PATH = "/apis/ccompat/v7";

    private static final int LOG_LINES_ON_FAILURE = 25;

    private final Path home;
    private final int port;
    private final Duration startTimeout;
    private final Path dataDir;
    private final Path configuredLogFile;
    private final boolean ownShutdownHook;
    private Path logFile;
    private Process process;
    private Thread shutdownHook;
    private Duration startupTime = Duration.ZERO;

    /**
     * @param dataDir where the schemas are kept (an H2 file database); null keeps them in memory
     * @param logFile where the server's output goes; null for a temporary file
     */
    ApicurioRegistry(
            Path home,
            int port,
            Duration startTimeout,
            Path dataDir,
            Path logFile,
            boolean ownShutdownHook) {
        this.ownShutdownHook = ownShutdownHook;
        this.home = home;
        this.port = port;
        this.startTimeout = startTimeout;
        this.dataDir = dataDir;
        this.configuredLogFile = logFile;
    }

    /** Starts a builder; every setting is optional. */
    public static ApicurioRegistryBuilder builder() {
        return new ApicurioRegistryBuilder();
    }

    /**
     * Where the unpacked server is looked for: the {@value #HOME_PROPERTY} system property, else
     * {@code target/apicurio-registry} under the working directory, else next to the directory or
     * jar capstream runs from (which is {@code target/} after {@code mvn package}).
     */
    public static Path defaultHome() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path inWorkingDir = Path.of("target", "apicurio-registry");
        if (Files.exists(inWorkingDir.resolve(RUNNER_JAR))) {
            return inWorkingDir;
        }
        try {
            Path code =
                    Path.of(
                            ApicurioRegistry.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            return code.toAbsolutePath().getParent().resolve("apicurio-registry");
        } catch (Exception e) {
            return inWorkingDir;
        }
    }

    /**
     * Launches the server, waits until its Confluent API answers, and sets the global compatibility
     * level to BACKWARD (Confluent's default; Apicurio's is NONE).
     *
     * @throws UserInputException with one line naming the problem (server missing, port taken), or
     *     with the end of the server log when it died or did not answer in time
     */
    public synchronized ApicurioRegistry start() {
        if (process != null) {
            return this;
        }
        Path jar = home.resolve(RUNNER_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new UserInputException(
                    "Apicurio Registry not found: "
                            + jar.toAbsolutePath()
                            + " does not exist; run `mvn package` (it unpacks"
                            + " io.apicurio:apicurio-registry-app:3.0.9 into target/apicurio-registry)"
                            + " or set -D"
                            + HOME_PROPERTY
                            + "=DIR");
        }
        Ports.requireFree(port, "Apicurio Registry");
        long t0 = System.nanoTime();
        try {
            if (dataDir != null) {
                Files.createDirectories(dataDir);
            }
            logFile =
                    configuredLogFile != null
                            ? configuredLogFile
                            : Files.createTempFile("capstream-apicurio-", ".log");
            process =
                    new ProcessBuilder(command(jar))
                            .directory(home.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                            .start();
        } catch (IOException e) {
            throw new UserInputException("cannot launch Apicurio Registry: " + e.getMessage(), e);
        }
        if (ownShutdownHook) {
            shutdownHook = new Thread(this::stopProcess, "apicurio-registry-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        try {
            awaitReady();
            RestSchemaRegistryClient.builder()
                    .setUrl(url())
                    .build()
                    .setCompatibility(CompatibilityLevel.BACKWARD);
        } catch (RuntimeException e) {
            stop(false); // keep the log the message points to
            throw e;
        }
        startupTime = Duration.ofNanos(System.nanoTime() - t0);
        return this;
    }

    private List<String> command(Path jar) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        // Small heap, serial GC and C1 only: the registry idles at ~230 MB and starts faster.
        cmd.add("-Xmx256m");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dquarkus.http.host=127.0.0.1");
        cmd.add("-Dquarkus.http.port=" + port);
        cmd.add("-Dquarkus.management.enabled=false");
        if (dataDir != null) {
            // Schema ids must outlive a restart when the broker's records (which carry them) do.
            cmd.add(
                    "-Dapicurio.datasource.url=jdbc:h2:file:"
                            + dataDir.toAbsolutePath().resolve("registry"));
        }
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        return cmd;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe =
                HttpRequest.newBuilder(URI.create(url() + "/subjects"))
                        .timeout(Duration.ofSeconds(2))
                        .build();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " during startup");
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // Retried until the deadline.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while Apicurio Registry started", e);
            }
            pause(Duration.ofMillis(100));
        }
        throw failure("did not answer on " + url() + " within " + startTimeout.toSeconds() + " s");
    }

    private UserInputException failure(String what) {
        return new UserInputException(
                "Apicurio Registry on 127.0.0.1:"
                        + port
                        + " "
                        + what
                        + "; end of "
                        + logFile
                        + ":\n"
                        + String.join("\n", lastLogLines()));
    }

    private List<String> lastLogLines() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size());
        } catch (IOException e) {
            return List.of("(log unreadable: " + e.getMessage() + ")");
        }
    }

    /** The Confluent-compatible API, e.g. {@code http://127.0.0.1:41234/apis/ccompat/v7}. */
    public String url() {
        return "http://127.0.0.1:" + port + CCOMPAT_PATH;
    }

    /** The HTTP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The server's output; null before {@link #start()}. */
    public Path logFile() {
        return logFile;
    }

    /** From launch to the first answer of its API; zero before {@link #start()}. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops the server; schemas not kept in a data directory are lost. */
    @Override
    public synchronized void close() {
        stop(configuredLogFile == null);
    }

    private void stop(boolean deleteLog) {
        if (process == null) {
            return;
        }
        stopProcess();
        try {
            if (shutdownHook != null) {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
        } catch (IllegalStateException jvmAlreadyExiting) {
            // The hook is running or has run; nothing left to remove.
        }
        process = null;
        if (deleteLog) {
            try {
                Files.deleteIfExists(logFile);
            } catch (IOException ignored) {
                // A leftover temp log is harmless.
            }
        }
    }

    /** SIGTERM (Quarkus shuts down gracefully), then SIGKILL if it is still there after 10 s. */
    private void stopProcess() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Apicurio Registry started", e);
        }
    }
}
