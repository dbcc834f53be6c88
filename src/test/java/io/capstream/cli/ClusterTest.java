package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.config.ConfigLoader;
import io.capstream.util.UserInputException;
import org.junit.jupiter.api.Test;

class ClusterTest {
    @Test
    void shouldRefuseWhenOnlyOneOfBrokerAndRegistryIsConfigured() {
        var cfg = ConfigLoader.builder().optOverride("bootstrap.servers=h:9092").build();
        var e = assertThrows(UserInputException.class, () -> Cluster.connect(cfg, true));
        assertTrue(e.getMessage().contains("only bootstrap.servers is set"), e.getMessage());
    }

    @Test
    void shouldRefuseWhenNothingIsConfiguredAndCommandMayNotEmbed() {
        var e =
                assertThrows(
                        UserInputException.class,
                        () -> Cluster.connect(ConfigLoader.builder().build(), false));
        assertTrue(e.getMessage().startsWith("no Kafka cluster configured"), e.getMessage());
    }

    @Test
    void shouldNameTheRegistryUrlWhenItIsMalformed() {
        var cfg =
                ConfigLoader.builder()
                        .optOverride("bootstrap.servers=h:9092")
                        .optOverride("schema.registry.url=ftp://x")
                        .build();
        var e = assertThrows(UserInputException.class, () -> Cluster.connect(cfg, false));
        assertTrue(e.getMessage().contains("'ftp://x'"), e.getMessage());
    }
}
