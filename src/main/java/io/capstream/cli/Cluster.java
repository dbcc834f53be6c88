package io.capstream.cli;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.schema.ConfiguredTopics;
import io.capstream.schema.registry.RestSchemaRegistryClient;
import io.capstream.schema.registry.SchemaRegistryClient;
import io.capstream.util.UserInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster and schema registry a command talks to: the configured ones, or, when neither
 * {@code bootstrap.servers} nor {@code schema.registry.url} is set and the command may, an embedded
 * broker and registry that live as long as this object.
 */
final class Cluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Cluster.class);

    private final String bootstrap;
    private final SchemaRegistryClient registry;
    private final EmbeddedServers embedded;

    private Cluster(String bootstrap, SchemaRegistryClient registry, EmbeddedServers embedded) {
        this.bootstrap = bootstrap;
        this.registry = registry;
        this.embedded = embedded;
    }

    /**
     * @param mayEmbed whether to start embedded servers when none are configured
     * @throws UserInputException when only one of the two is configured, or none and the command
     *     may not embed them
     */
    static Cluster connect(CapstreamConfig cfg, boolean mayEmbed) {
        String bootstrap = cfg.get(ConfigKeys.BOOTSTRAP_SERVERS);
        String url = cfg.get(ConfigKeys.REGISTRY_URL);
        if (bootstrap.isBlank() && url.isBlank()) {
            if (!mayEmbed) {
                throw new UserInputException(
                        "no Kafka cluster configured: set bootstrap.servers and schema.registry.url"
                                + " (--set, --config or CAPSTREAM_BOOTSTRAP_SERVERS /"
                                + " CAPSTREAM_SCHEMA_REGISTRY_URL)");
            }
            EmbeddedServers servers = EmbeddedServers.start();
            log.info(
                    "embedded Kafka at {}, embedded schema registry at {}",
                    servers.bootstrapServers(),
                    servers.registryUrl());
            return new Cluster(
                    servers.bootstrapServers(),
                    RestSchemaRegistryClient.builder().setUrl(servers.registryUrl()).build(),
                    servers);
        }
        if (bootstrap.isBlank() || url.isBlank()) {
            throw new UserInputException(
                    "set both bootstrap.servers and schema.registry.url, or neither (for the"
                            + " embedded broker and registry); only "
                            + (bootstrap.isBlank() ? "schema.registry.url" : "bootstrap.servers")
                            + " is set");
        }
        return new Cluster(bootstrap, ConfiguredTopics.registry(cfg), null);
    }

    String bootstrapServers() {
        return bootstrap;
    }

    SchemaRegistryClient registry() {
        return registry;
    }

    boolean embedded() {
        return embedded != null;
    }

    /** The registry URL clients outside this process use; empty unless embedded. */
    String embeddedRegistryUrl() {
        return embedded == null ? "" : embedded.registryUrl();
    }

    /** Stops the embedded servers, if any. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
