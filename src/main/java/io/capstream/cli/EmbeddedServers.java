package io.capstream.cli;

import io.capstream.embedded.ApicurioRegistry;
import io.capstream.embedded.EmbeddedKafka;
import io.capstream.util.UserInputException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Kafka broker and Apicurio registry on 127.0.0.1, started in parallel (the registry is
 * a child process that takes a few seconds) and stopped together.
 */
final class EmbeddedServers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static final int ATTEMPTS = 3;

    private final EmbeddedKafka kafka;
    private final ApicurioRegistry registry;

    private EmbeddedServers(EmbeddedKafka kafka, ApicurioRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /**
     * Starts both on free ports with temporary data, deleted on close. A free port can be taken by
     * another process before a server binds it; that is retried with new ports.
     */
    static EmbeddedServers start() {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce();
            } catch (UserInputException e) {
                if (attempt == ATTEMPTS || !e.getMessage().contains("already in use")) {
                    throw e;
                }
                log.warn("{}; retrying with other ports", e.getMessage());
            }
        }
    }

    private static EmbeddedServers startOnce() {
        CompletableFuture<ApicurioRegistry> registryStart =
                CompletableFuture.supplyAsync(() -> ApicurioRegistry.builder().build().start());
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.builder().build().start();
        } catch (RuntimeException e) {
            // Wait for the registry, so no child process outlives this failure.
            try {
                registryStart.join().close();
            } catch (CompletionException ignored) {
                // It failed too; the broker's error is the one to report.
            }
            throw e;
        }
        try {
            return new EmbeddedServers(kafka, registryStart.join());
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String registryUrl() {
        return registry.url();
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            registry.close();
        }
    }
}
