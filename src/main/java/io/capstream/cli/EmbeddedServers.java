package io.capstream.cli;

import io.capstream.embedded.ApicurioRegistry;
import io.capstream.embedded.EmbeddedKafka;
import io.capstream.util.UserInputException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded Kafka broker and Apicurio registry on 127.0.0.1, started in parallel (the registry is
 * a child process that takes a few seconds) and stopped together.
 *
 * <p>On Ctrl-C or SIGTERM the owner's own shutdown hook drains its worker, which still needs the
 * registry, and then closes this. So the registry process is not stopped by a hook of its own but
 * by {@link #close()}, or, if the owner never gets to it, by a last-resort hook after {@value
 * #LAST_RESORT_SECONDS} s.
 */
final class EmbeddedServers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static final int ATTEMPTS = 3;
    private static final int LAST_RESORT_SECONDS = 30;

    private final EmbeddedKafka kafka;
    private final ApicurioRegistry registry;
    private final Thread lastResort;
    private final CountDownLatch closed;

    private EmbeddedServers(
            EmbeddedKafka kafka,
            ApicurioRegistry registry,
            Thread lastResort,
            CountDownLatch closed) {
        this.kafka = kafka;
        this.registry = registry;
        this.lastResort = lastResort;
        this.closed = closed;
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
        AtomicReference<ApicurioRegistry> launched = new AtomicReference<>();
        CountDownLatch closed = new CountDownLatch(1);
        Thread lastResort =
                new Thread(
                        () -> {
                            try {
                                if (closed.await(LAST_RESORT_SECONDS, TimeUnit.SECONDS)) {
                                    return;
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            ApicurioRegistry r = launched.get();
                            if (r != null) {
                                r.close();
                            }
                        },
                        "embedded-servers-shutdown");
        Runtime.getRuntime().addShutdownHook(lastResort);
        CompletableFuture<ApicurioRegistry> registryStart =
                CompletableFuture.supplyAsync(
                        () -> {
                            ApicurioRegistry r =
                                    ApicurioRegistry.builder().optShutdownHook(false).build();
                            launched.set(r);
                            return r.start();
                        });
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
            release(lastResort, closed);
            throw e;
        }
        try {
            return new EmbeddedServers(kafka, registryStart.join(), lastResort, closed);
        } catch (CompletionException e) {
            kafka.close();
            release(lastResort, closed);
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
            release(lastResort, closed);
        }
    }

    private static void release(Thread hook, CountDownLatch closed) {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException jvmExiting) {
            // The hook is running; it returns at once now.
        }
    }
}
