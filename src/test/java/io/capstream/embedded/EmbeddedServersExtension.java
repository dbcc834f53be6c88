package io.capstream.embedded;

import io.capstream.schema.registry.RestSchemaRegistryClient;
import io.capstream.schema.registry.SchemaRegistryClient;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts ONE {@link EmbeddedKafka} and ONE {@link ApicurioRegistry} for the whole test run (the
 * first test that asks starts both, in parallel) and closes them when the run ends. Injects
 * parameters of type {@link EmbeddedKafka}, {@link ApicurioRegistry} and {@link
 * SchemaRegistryClient}. Tests share the servers, so each uses its own topic and subject names.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedServersExtension.class)
 * class MyIT {
 *     @Test
 *     void shouldX(EmbeddedKafka kafka, SchemaRegistryClient registry) { ... }
 * }
 * }</pre>
 */
public final class EmbeddedServersExtension implements ParameterResolver {

    private static final Set<Class<?>> TYPES =
            Set.of(EmbeddedKafka.class, ApicurioRegistry.class, SchemaRegistryClient.class);

    /** The servers of one test run; JUnit closes it (AutoCloseable) when the root context ends. */
    static final class Servers implements AutoCloseable {
        final EmbeddedKafka kafka;
        final ApicurioRegistry registry;
        final SchemaRegistryClient client;

        Servers() {
            // The registry is a child process: its ~10 s start overlaps the broker's.
            CompletableFuture<ApicurioRegistry> registryStart =
                    CompletableFuture.supplyAsync(() -> ApicurioRegistry.builder().build().start());
            EmbeddedKafka startedKafka;
            try {
                startedKafka = EmbeddedKafka.builder().build().start();
            } catch (RuntimeException e) {
                registryStart.thenAccept(ApicurioRegistry::close);
                throw e;
            }
            kafka = startedKafka;
            try {
                registry = registryStart.join();
            } catch (CompletionException e) {
                kafka.close();
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            client = RestSchemaRegistryClient.builder().setUrl(registry.url()).build();
            System.out.printf(
                    "embedded servers: Kafka started in %d ms, Apicurio Registry in %d ms%n",
                    kafka.startupTime().toMillis(), registry.startupTime().toMillis());
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

    private static Servers servers(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.create(EmbeddedServersExtension.class))
                .getOrComputeIfAbsent(Servers.class, k -> new Servers(), Servers.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return TYPES.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Servers servers = servers(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == EmbeddedKafka.class) {
            return servers.kafka;
        }
        return type == ApicurioRegistry.class ? servers.registry : servers.client;
    }
}
