package io.capstream.schema.serde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.schema.SampleEvents;
import io.capstream.schema.avro.CaptionResult;
import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.serde.WireFormatException.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SpecificAvroSerdeTest {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final SpecificAvroSerde<ImageEvent> images =
            new SpecificAvroSerde<>(registry, ImageEvent.class, false, true);

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void shouldRoundTripEveryEventTypeWhenSerializedAndDeserialized() {
        for (SpecificRecord event : SampleEvents.all()) {
            SpecificAvroSerde serde =
                    new SpecificAvroSerde(registry, event.getClass(), false, true);
            byte[] bytes = serde.serializer().serialize("t", event);
            assertEquals(event, serde.deserializer().deserialize("t", bytes));
        }
    }

    @Test
    void shouldWriteMagicByteAndRegisteredIdWhenSerializing() {
        registry.register("other-value", CaptionResult.getClassSchema()); // takes id 1
        byte[] bytes = images.serializer().serialize("cam", SampleEvents.imageEvent("a", 10));
        int id = registry.idOf("cam-value", ImageEvent.getClassSchema());
        assertEquals(2, id);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 2}, Arrays.copyOf(bytes, 5));
    }

    @Test
    void shouldRegisterUnderKeySubjectWhenSerializingKeys() {
        new SpecificAvroSerializer<ImageEvent>(registry, true, true)
                .serialize("cam", SampleEvents.imageEvent("a", 10));
        assertEquals(List.of("cam-key"), registry.subjects());
    }

    @Test
    void shouldFailNamingSubjectWhenAutoRegisterIsOffAndSchemaIsNew() {
        var serializer = new SpecificAvroSerializer<ImageEvent>(registry, false, false);
        var e =
                assertThrows(
                        SerializationException.class,
                        () -> serializer.serialize("cam", SampleEvents.imageEvent("a", 10)));
        assertTrue(
                e.getMessage().contains("not registered under subject cam-value"), e.getMessage());
    }

    @Test
    void shouldReturnNullWhenRecordIsNull() {
        assertNull(images.serializer().serialize("cam", null));
        assertNull(images.deserializer().deserialize("cam", null));
    }

    @Test
    void shouldFillDefaultsWhenWriterSchemaPredatesOptionalFields() throws IOException {
        Schema old = withoutOptionalFields(ImageEvent.getClassSchema());
        int oldId = registry.register("cam-value", old);
        ImageEvent full = SampleEvents.imageEvent("a", 10);
        GenericRecord oldRecord = new GenericData.Record(old);
        oldRecord.put("id", "a");
        oldRecord.put("source", full.getSource());
        oldRecord.put("eventTime", full.getEventTime().toEpochMilli());
        oldRecord.put("image", toGeneric(full.getImage(), old.getField("image").schema()));
        ImageEvent read =
                images.deserializer().deserialize("cam", confluent(oldId, old, oldRecord));
        assertEquals("iba-cd", read.getTask());
        assertEquals(Map.of(), read.getMetadata());
        assertEquals(full.getImage(), read.getImage());
    }

    @Test
    void shouldRejectUnknownMagicByteWhenFirstByteIsNotZero() {
        byte[] bytes = images.serializer().serialize("cam", SampleEvents.imageEvent("a", 10));
        bytes[0] = 1;
        var e = assertProblem(Problem.UNKNOWN_MAGIC_BYTE, bytes);
        assertTrue(e.getMessage().contains("0x01"), e.getMessage());
        assertTrue(e.getMessage().contains("cam"), e.getMessage());
    }

    @Test
    void shouldRejectTruncatedHeaderWhenShorterThanFiveBytes() {
        var e = assertProblem(Problem.TRUNCATED, new byte[] {0, 0, 1});
        assertTrue(e.getMessage().contains("3 bytes"), e.getMessage());
    }

    @Test
    void shouldRejectTruncatedBodyWhenAvroEndsEarly() {
        byte[] bytes = images.serializer().serialize("cam", SampleEvents.imageEvent("a", 1000));
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
        var e = assertProblem(Problem.TRUNCATED, cut);
        assertTrue(e.getMessage().contains(cut.length + " bytes"), e.getMessage());
        assertEquals(1, e.schemaId());
    }

    @Test
    void shouldRejectUnknownSchemaIdWhenRegistryLacksIt() {
        var e = assertProblem(Problem.UNKNOWN_SCHEMA_ID, new byte[] {0, 0, 0, 1, 0, 2, 'a'});
        assertEquals(256, e.schemaId());
        assertTrue(e.getMessage().contains("schema id 256"), e.getMessage());
    }

    @Test
    void shouldRejectOtherRecordTypeWhenWriterSchemaCannotBeResolved() {
        CaptionResult caption = (CaptionResult) SampleEvents.all().get(2);
        byte[] bytes =
                new SpecificAvroSerializer<CaptionResult>(registry, true, false)
                        .serialize("cam", caption);
        var e = assertProblem(Problem.INCOMPATIBLE_SCHEMA, bytes);
        assertTrue(e.getMessage().contains("CaptionResult"), e.getMessage());
    }

    @Test
    void shouldRejectLeftoverBytesWhenPayloadIsLongerThanRecord() {
        byte[] bytes = images.serializer().serialize("cam", SampleEvents.imageEvent("a", 10));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        assertProblem(Problem.UNREADABLE_PAYLOAD, longer);
    }

    private WireFormatException assertProblem(Problem expected, byte[] bytes) {
        var e =
                assertThrows(
                        WireFormatException.class,
                        () -> images.deserializer().deserialize("cam", bytes));
        assertEquals(expected, e.problem(), e.getMessage());
        assertEquals("cam", e.topic());
        return e;
    }

    private static byte[] confluent(int id, Schema schema, Object record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WireFormat.writeHeader(out, id);
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<Object>(schema).write(record, enc);
        enc.flush();
        return out.toByteArray();
    }

    private static GenericRecord toGeneric(SpecificRecord r, Schema schema) {
        GenericRecord g = new GenericData.Record(schema);
        for (Schema.Field f : schema.getFields()) {
            Object v = r.get(r.getSchema().getField(f.name()).pos());
            g.put(f.name(), v instanceof ByteBuffer b ? b.duplicate() : v);
        }
        return g;
    }

    private static Schema withoutOptionalFields(Schema s) {
        List<Schema.Field> kept = new ArrayList<>();
        for (Schema.Field f : s.getFields()) {
            if (!f.hasDefaultValue()) {
                kept.add(new Schema.Field(f, f.schema()));
            }
        }
        return Schema.createRecord(s.getName(), s.getDoc(), s.getNamespace(), false, kept);
    }
}
