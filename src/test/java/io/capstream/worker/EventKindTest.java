package io.capstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.schema.avro.ErrorReason;
import io.capstream.schema.registry.SchemaRegistryException;
import io.capstream.schema.serde.RegistryOutage;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EventKindTest {
    private static ImageEvents failingWith(RuntimeException e) {
        return new ImageEvents(
                (topic, data) -> {
                    throw e;
                });
    }

    @Test
    void shouldRejectAsSchemaErrorWhenRecordIsMalformed() {
        RejectedInputException r =
                assertThrows(
                        RejectedInputException.class,
                        () ->
                                failingWith(new SerializationException("bad magic byte"))
                                        .read("images", new byte[] {1}));
        assertEquals(ErrorReason.SCHEMA_ERROR, r.reason());
        assertTrue(r.getMessage().contains("bad magic byte"));
    }

    @Test
    void shouldRethrowWhenRegistryIsUnreachable() {
        SerializationException outage =
                new SerializationException(
                        "schema registry did not return schema id 7",
                        new SchemaRegistryException("connection refused", 0, 0, null));
        RuntimeException thrown =
                assertThrows(
                        RuntimeException.class,
                        () -> failingWith(outage).read("images", new byte[] {0, 0, 0, 0, 7}));
        assertSame(outage, thrown);
        assertTrue(RegistryOutage.causedBy(outage));
        assertFalse(RegistryOutage.causedBy(new SerializationException("x")));
    }
}
