package io.capstream.schema.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.schema.avro.ImageEvent;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    @Test
    void shouldFailNamingKeyWhenRegistryUrlIsMissing() {
        var e =
                assertThrows(
                        ConfigException.class,
                        () -> new SpecificAvroSerializer<ImageEvent>().configure(Map.of(), false));
        assertTrue(e.getMessage().contains("schema.registry.url"), e.getMessage());
    }

    @Test
    void shouldFailNamingValueWhenRegistryUrlIsNotHttp() {
        var e =
                assertThrows(
                        ConfigException.class,
                        () -> AvroSerdeConfig.client(Map.of("schema.registry.url", "ftp://x")));
        assertTrue(e.getMessage().contains("ftp://x"), e.getMessage());
    }

    @Test
    void shouldResolveValueClassWhenGivenByNameOrClass() {
        assertEquals(
                ImageEvent.class,
                AvroSerdeConfig.recordType(
                        Map.of("specific.avro.value.type", ImageEvent.class.getName()), false));
        assertEquals(
                ImageEvent.class,
                AvroSerdeConfig.recordType(
                        Map.of("specific.avro.key.type", ImageEvent.class), true));
        assertNull(AvroSerdeConfig.recordType(Map.of("specific.avro.key.type", "x"), false));
    }

    @Test
    void shouldRejectValueClassWhenItIsNotAGeneratedRecord() {
        var e =
                assertThrows(
                        ConfigException.class,
                        () ->
                                AvroSerdeConfig.recordType(
                                        Map.of("specific.avro.value.type", "java.lang.String"),
                                        false));
        assertTrue(e.getMessage().contains("SpecificRecord"), e.getMessage());
    }

    @Test
    void shouldReadAutoRegisterWhenSetAsStringOrBoolean() {
        assertTrue(AvroSerdeConfig.autoRegister(Map.of()));
        assertFalse(AvroSerdeConfig.autoRegister(Map.of("auto.register.schemas", "false")));
        assertFalse(AvroSerdeConfig.autoRegister(Map.of("auto.register.schemas", false)));
        assertThrows(
                ConfigException.class,
                () -> AvroSerdeConfig.autoRegister(Map.of("auto.register.schemas", "maybe")));
    }

    @Test
    void shouldAcceptConfluentTopicNameStrategyAndRejectOthers() {
        AvroSerdeConfig.checkSubjectNameStrategy(
                Map.of(
                        "value.subject.name.strategy",
                        "io.confluent.kafka.serializers.subject.TopicNameStrategy"),
                false);
        var e =
                assertThrows(
                        ConfigException.class,
                        () ->
                                AvroSerdeConfig.checkSubjectNameStrategy(
                                        Map.of("key.subject.name.strategy", "RecordNameStrategy"),
                                        true));
        assertTrue(e.getMessage().contains("key.subject.name.strategy"), e.getMessage());
    }

    @Test
    void shouldRejectUnsupportedCredentialsSourceWhenBuildingClient() {
        var e =
                assertThrows(
                        ConfigException.class,
                        () ->
                                AvroSerdeConfig.client(
                                        Map.of(
                                                "schema.registry.url", "http://127.0.0.1:1",
                                                "basic.auth.credentials.source", "SASL_INHERIT")));
        assertTrue(e.getMessage().contains("SASL_INHERIT"), e.getMessage());
    }
}
