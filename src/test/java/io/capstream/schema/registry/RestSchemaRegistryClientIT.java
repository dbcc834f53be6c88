package io.capstream.schema.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.embedded.ApicurioRegistry;
import io.capstream.embedded.EmbeddedServersExtension;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The client against a real Apicurio Registry through its Confluent-compatible API. */
@ExtendWith(EmbeddedServersExtension.class)
class RestSchemaRegistryClientIT {

    private static final Schema V1 =
            SchemaBuilder.record("Reading")
                    .namespace("it")
                    .fields()
                    .requiredString("sensor")
                    .endRecord();
    private static final Schema V2_OPTIONAL_FIELD =
            SchemaBuilder.record("Reading")
                    .namespace("it")
                    .fields()
                    .requiredString("sensor")
                    .name("unit")
                    .type()
                    .stringType()
                    .stringDefault("C")
                    .endRecord();
    private static final Schema V2_REQUIRED_FIELD =
            SchemaBuilder.record("Reading")
                    .namespace("it")
                    .fields()
                    .requiredString("sensor")
                    .requiredLong("at")
                    .endRecord();
    private static final Schema V2_TYPE_CHANGED =
            SchemaBuilder.record("Reading")
                    .namespace("it")
                    .fields()
                    .requiredInt("sensor")
                    .endRecord();

    private static String subject() {
        return "it-client-" + UUID.randomUUID() + "-value";
    }

    private static SchemaRegistryClient fresh(ApicurioRegistry registry) {
        return RestSchemaRegistryClient.builder().setUrl(registry.url()).build();
    }

    @Test
    void shouldGiveSameIdWhenSameSchemaIsRegisteredTwice(ApicurioRegistry registry) {
        String subject = subject();
        int id = fresh(registry).register(subject, V1);
        // A second client has no cache: the registry itself must answer with the same id.
        assertEquals(id, fresh(registry).register(subject, V1));
        assertEquals(id, fresh(registry).idOf(subject, V1));
    }

    @Test
    void shouldReturnRegisteredSchemaWhenLookedUpById(ApicurioRegistry registry) {
        int id = fresh(registry).register(subject(), V1);
        assertEquals(V1, fresh(registry).schemaById(id));
    }

    @Test
    void shouldReturnNewestVersionWhenSubjectHasTwo(ApicurioRegistry registry) {
        String subject = subject();
        SchemaRegistryClient client = fresh(registry);
        int id1 = client.register(subject, V1);
        int id2 = client.register(subject, V2_OPTIONAL_FIELD);
        assertNotEquals(id1, id2);
        assertEquals(
                new SchemaVersion(subject, 2, id2, V2_OPTIONAL_FIELD),
                client.latestVersion(subject));
    }

    @Test
    void shouldAcceptOptionalFieldAndRejectTypeChangeWhenBackwardCompatible(
            ApicurioRegistry registry) {
        String subject = subject();
        SchemaRegistryClient client = fresh(registry);
        assertEquals(CompatibilityLevel.BACKWARD, client.compatibility(subject));
        client.register(subject, V1);
        assertTrue(client.isCompatible(subject, V2_OPTIONAL_FIELD));
        assertFalse(client.isCompatible(subject, V2_TYPE_CHANGED));
        var e =
                assertThrows(
                        SchemaRegistryException.class,
                        () -> client.register(subject, V2_TYPE_CHANGED));
        assertEquals(409, e.httpStatus());
        assertTrue(e.getMessage().contains(subject), e.getMessage());
    }

    @Test
    void shouldAcceptAnySchemaWhenSubjectIsNew(ApicurioRegistry registry) {
        assertTrue(fresh(registry).isCompatible(subject(), V2_TYPE_CHANGED));
    }

    @Test
    void shouldKeepSubjectLevelWhenSetPerSubject(ApicurioRegistry registry) {
        String subject = subject();
        SchemaRegistryClient client = fresh(registry);
        client.register(subject, V1);
        assertFalse(client.isCompatible(subject, V2_REQUIRED_FIELD)); // BACKWARD: old data lacks it
        client.setCompatibility(subject, CompatibilityLevel.FORWARD);
        assertEquals(CompatibilityLevel.FORWARD, client.compatibility(subject));
        assertTrue(client.isCompatible(subject, V2_REQUIRED_FIELD)); // FORWARD: old readers skip it
        assertEquals(CompatibilityLevel.BACKWARD, client.compatibility());
    }

    @Test
    void shouldExplainWhenIdIsUnknown(ApicurioRegistry registry) {
        var e =
                assertThrows(
                        SchemaRegistryException.class, () -> fresh(registry).schemaById(987654));
        assertEquals(404, e.httpStatus());
        assertEquals(SchemaRegistryException.SCHEMA_NOT_FOUND, e.errorCode());
        assertTrue(e.getMessage().contains("/schemas/ids/987654"), e.getMessage());
        assertTrue(e.getMessage().contains("987654' was found"), e.getMessage());
    }

    @Test
    void shouldExplainWhenSchemaIsNotUnderSubject(ApicurioRegistry registry) {
        String subject = subject();
        SchemaRegistryClient client = fresh(registry);
        client.register(subject, V1);
        var e =
                assertThrows(
                        SchemaRegistryException.class,
                        () -> client.idOf(subject, V2_OPTIONAL_FIELD));
        assertTrue(e.isNotFound(), e.getMessage());
    }
}
