package io.capstream.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.registry.CompatibilityLevel;
import io.capstream.schema.registry.RestSchemaRegistryClient;
import io.capstream.schema.registry.SchemaRegistryClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry of its own with a data directory, stopped and started again. */
class ApicurioRegistryRestartIT {

    @Test
    void shouldKnowEarlierIdsWhenRestartedOnSameDataDirectory(@TempDir Path dir) {
        int id;
        try (ApicurioRegistry registry =
                ApicurioRegistry.builder().optDataDir(dir).build().start()) {
            System.out.println("registry start: " + registry.startupTime().toMillis() + " ms");
            id = client(registry).register("kept-value", ImageEvent.getClassSchema());
        }
        try (ApicurioRegistry again = ApicurioRegistry.builder().optDataDir(dir).build().start()) {
            System.out.println("registry restart: " + again.startupTime().toMillis() + " ms");
            SchemaRegistryClient client = client(again);
            assertEquals(ImageEvent.getClassSchema(), client.schemaById(id));
            assertEquals(id, client.latestVersion("kept-value").id());
            assertEquals(CompatibilityLevel.BACKWARD, client.compatibility());
        }
    }

    private static SchemaRegistryClient client(ApicurioRegistry registry) {
        return RestSchemaRegistryClient.builder().setUrl(registry.url()).build();
    }
}
