package io.capstream.cli;

import io.capstream.embedded.ApicurioRegistry;
import io.capstream.embedded.EmbeddedKafka;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An embedded Kafka broker and Apicurio registry on 127.0.0.1, started in parallel (the registry is
 * a child process that takes a few seconds) and stopped together.
 */
final class EmbeddedServers implements AutoCloseable {
    private final EmbeddedKafka kafka;
    private final ApicurioRegistry registry;

    private EmbeddedServers(EmbeddedKafka kafka, ApicurioRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Starts both on free ports with temporary data, deleted on close. */
    static EmbeddedServers start() {
        CompletableFuture<ApicurioRegistry> registryStart =
                CompletableFuture.supplyAsync(() -> ApicurioRegistry.builder().build().start());
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.builder().build().start();
        } catch (RuntimeException e) {
            registryStart.thenAccept(ApicurioRegistry::close);
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
