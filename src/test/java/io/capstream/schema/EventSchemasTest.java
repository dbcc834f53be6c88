package io.capstream.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event contract round-trips and can evolve by its documented optional fields. */
class EventSchemasTest {

    /** One sample of every event type (shared with the serde tests). */
    static Stream<SpecificRecord> fullEvents() {
        return SampleEvents.all().stream();
    }

    static Stream<Schema> schemas() {
        return fullEvents().map(SpecificRecord::getSchema);
    }

    @ParameterizedTest
    @MethodSource("fullEvents")
    void shouldRoundTripWhenSampleEventIsEncoded(SpecificRecord event) throws IOException {
        Object back = decode(event.getSchema(), event.getSchema(), encode(event));
        assertEquals(event, back);
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void shouldDocumentEveryFieldWhenSchemaIsPublished(Schema schema) {
        assertNotNull(schema.getDoc(), schema.getFullName() + " has no doc");
        for (Schema.Field f : schema.getFields()) {
            assertNotNull(f.doc(), schema.getName() + "." + f.name() + " has no doc");
        }
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void shouldReadOldDataWhenOptionalFieldsAreAdded(Schema current) {
        Schema withoutOptional = withoutOptionalFields(current);
        assertTrue(
                withoutOptional.getFields().size() < current.getFields().size(),
                current.getName() + " has no optional field to evolve with");
        // New readers read data written before the optional fields existed (BACKWARD) ...
        assertCompatible(current, withoutOptional);
        // ... and old readers ignore the added fields (FORWARD), so producers and workers upgrade
        // in any order.
        assertCompatible(withoutOptional, current);
    }

    @ParameterizedTest
    @MethodSource("fullEvents")
    void shouldFillDefaultsWhenOldWriterOmittedOptionalFields(SpecificRecord event)
            throws IOException {
        Schema current = event.getSchema();
        Schema old = withoutOptionalFields(current);
        // Write with the old schema (the optional fields simply do not exist), read with the
        // current one.
        GenericRecord oldRecord = new GenericData.Record(old);
        for (Schema.Field f : old.getFields()) {
            oldRecord.put(f.name(), ((GenericRecord) toGeneric(event)).get(f.name()));
        }
        SpecificRecord back = (SpecificRecord) decode(old, current, encodeGeneric(old, oldRecord));
        for (Schema.Field f : current.getFields()) {
            if (old.getField(f.name()) == null) {
                Object expected = SpecificData.get().getDefaultValue(f);
                assertEquals(expected, back.get(f.pos()), current.getName() + "." + f.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("schemas")
    void shouldRejectOldReaderWhenRequiredFieldIsAdded(Schema current) {
        // Guards the test above: adding a field WITHOUT a default must be flagged incompatible.
        List<Schema.Field> fields = copyFields(current.getFields());
        fields.add(new Schema.Field("mandatoryNewField", Schema.create(Schema.Type.STRING), "x"));
        Schema broken =
                Schema.createRecord(
                        current.getName(), current.getDoc(), current.getNamespace(), false, fields);
        assertFalse(
                SchemaCompatibility.checkReaderWriterCompatibility(broken, current).getType()
                        == SchemaCompatibilityType.COMPATIBLE);
    }

    private static void assertCompatible(Schema reader, Schema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        assertEquals(
                SchemaCompatibilityType.COMPATIBLE,
                result.getType(),
                reader.getName() + ": " + result.getDescription());
    }

    /** The schema as it would have been before its optional (defaulted) fields were added. */
    static Schema withoutOptionalFields(Schema s) {
        List<Schema.Field> kept = new ArrayList<>();
        for (Schema.Field f : s.getFields()) {
            if (!f.hasDefaultValue()) {
                kept.add(new Schema.Field(f, f.schema()));
            }
        }
        return Schema.createRecord(s.getName(), s.getDoc(), s.getNamespace(), false, kept);
    }

    private static List<Schema.Field> copyFields(List<Schema.Field> fields) {
        List<Schema.Field> out = new ArrayList<>();
        for (Schema.Field f : fields) {
            out.add(new Schema.Field(f, f.schema()));
        }
        return out;
    }

    private static byte[] encode(SpecificRecord r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<SpecificRecord>(r.getSchema()).write(r, enc);
        enc.flush();
        return out.toByteArray();
    }

    private static byte[] encodeGeneric(Schema schema, Object r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<Object>(schema).write(r, enc);
        enc.flush();
        return out.toByteArray();
    }

    private static Object toGeneric(SpecificRecord r) throws IOException {
        BinaryDecoder dec = DecoderFactory.get().binaryDecoder(encode(r), null);
        return new GenericDatumReader<Object>(r.getSchema()).read(null, dec);
    }

    private static Object decode(Schema writer, Schema reader, byte[] bytes) throws IOException {
        BinaryDecoder dec = DecoderFactory.get().binaryDecoder(bytes, null);
        return new SpecificDatumReader<Object>(writer, reader).read(null, dec);
    }
}
