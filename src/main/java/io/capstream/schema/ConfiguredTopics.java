package io.capstream.schema;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.schema.registry.RestSchemaRegistryClient;
import io.capstream.schema.registry.SchemaRegistryClient;
import io.capstream.util.UserInputException;

/** The topics and registry client a {@link CapstreamConfig} describes. */
public final class ConfiguredTopics {
    private ConfiguredTopics() {}

    /** The topics with the configured prefix, partitions, replication factor and record size. */
    public static Topics of(CapstreamConfig cfg, SchemaRegistryClient registry) {
        return Topics.builder()
                .setRegistry(registry)
                .optPrefix(cfg.get(ConfigKeys.TOPIC_PREFIX))
                .optPartitions(cfg.get(ConfigKeys.TOPIC_PARTITIONS))
                .optReplicationFactor(cfg.get(ConfigKeys.TOPIC_REPLICATION))
                .optMaxMessageBytes(cfg.get(ConfigKeys.MAX_MESSAGE_BYTES))
                .build();
    }

    /**
     * A client of the configured registry ({@code schema.registry.url}, with {@code
     * schema.registry.basic.auth.user.info} for basic auth).
     *
     * @throws UserInputException when no registry URL is configured
     */
    public static SchemaRegistryClient registry(CapstreamConfig cfg) {
        String url = cfg.get(ConfigKeys.REGISTRY_URL);
        if (url.isBlank()) {
            throw new UserInputException(
                    "config key '"
                            + ConfigKeys.REGISTRY_URL.name()
                            + "' is not set (the schema registry's URL)");
        }
        return RestSchemaRegistryClient.builder()
                .setUrl(url)
                .optUserInfo(cfg.get(ConfigKeys.REGISTRY_USER_INFO))
                .build();
    }
}
