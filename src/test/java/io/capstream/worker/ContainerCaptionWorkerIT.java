package io.capstream.worker;

import io.capstream.embedded.ApicurioRegistry;
import io.capstream.embedded.EmbeddedServersExtension;
import io.capstream.schema.registry.SchemaRegistryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * {@link CaptionWorkerScenarios} on a broker in a container, where a Docker engine exists; skipped
 * otherwise ("disabledWithoutDocker is true and Docker is not available"), so {@link
 * CaptionWorkerIT} is the coverage on machines without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmbeddedServersExtension.class)
class ContainerCaptionWorkerIT extends CaptionWorkerScenarios {
    @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    private ApicurioRegistry apicurio;
    private SchemaRegistryClient registry;

    @BeforeEach
    void servers(ApicurioRegistry a, SchemaRegistryClient r) {
        apicurio = a;
        registry = r;
    }

    @Override
    String bootstrap() {
        return KAFKA.getBootstrapServers();
    }

    @Override
    String registryUrl() {
        return apicurio.url();
    }

    @Override
    SchemaRegistryClient registry() {
        return registry;
    }
}
