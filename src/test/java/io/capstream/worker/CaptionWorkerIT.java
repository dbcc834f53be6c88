package io.capstream.worker;

import io.capstream.embedded.ApicurioRegistry;
import io.capstream.embedded.EmbeddedKafka;
import io.capstream.embedded.EmbeddedServersExtension;
import io.capstream.schema.registry.SchemaRegistryClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link CaptionWorkerScenarios} on the embedded KRaft broker and Apicurio registry. */
@ExtendWith(EmbeddedServersExtension.class)
class CaptionWorkerIT extends CaptionWorkerScenarios {
    private EmbeddedKafka kafka;
    private ApicurioRegistry apicurio;
    private SchemaRegistryClient registry;

    @BeforeEach
    void servers(EmbeddedKafka k, ApicurioRegistry a, SchemaRegistryClient r) {
        kafka = k;
        apicurio = a;
        registry = r;
    }

    @Override
    String bootstrap() {
        return kafka.bootstrapServers();
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
