package io.capstream.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.schema.avro.CaptionResult;
import io.capstream.schema.avro.ErrorReason;
import io.capstream.schema.avro.HistogramBucket;
import io.capstream.schema.avro.ImageData;
import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.avro.ImagePairEvent;
import io.capstream.schema.avro.LabeledImage;
import io.capstream.schema.avro.LabeledPair;
import io.capstream.schema.avro.ModelUpdate;
import io.capstream.schema.avro.ProcessingError;
import io.capstream.schema.avro.Split;
import io.capstream.schema.avro.Timings;
import io.capstream.schema.avro.UpdateAction;
import io.capstream.schema.avro.WorkerMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123Z");

    static Stream<SpecificRecord> fullEvents() {
        ImageData inline =
                ImageData.newBuilder()
                        .setContentType("image/png")
                        .setBytes(ByteBuffer.wrap(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1}))
                        .setSizeBytes(6)
                        .setWidth(64)
                        .setHeight(64)
                        .setSha256("ab12")
                        .build();
        ImageData byRef =
                ImageData.newBuilder()
                        .setContentType("image/jpeg")
                        .setUri("file:///data/cam7/0001.jpg")
                        .setSizeBytes(3_145_728)
                        .build();
        return Stream.of(
                ImageEvent.newBuilder()
                        .setId("img-1")
                        .setSource("comics-site")
                        .setEventTime(T0)
                        .setImage(inline)
                        .setMetadata(Map.of("episode", "12"))
                        .build(),
                ImagePairEvent.newBuilder()
                        .setId("pair-1")
                        .setSource("cam-7")
                        .setEventTime(T0)
                        .setBefore(inline)
                        .setAfter(byRef)
                        .setBeforeTime(T0.minusSeconds(60))
                        .setAfterTime(T0)
                        .build(),
                CaptionResult.newBuilder()
                        .setEventId("pair-1")
                        .setSource("cam-7")
                        .setTask("decider")
                        .setCaption("the small red metal cube changed to green")
                        .setTokens(List.of("the", "small"))
                        .setTokenConfidences(List.of(0.9f, 0.8f))
                        .setScore(0.85f)
                        .setModelName("decider")
                        .setModelVersion(2)
                        .setTimings(new Timings(3.5, 41.0, 57.25))
                        .setBatchSize(16)
                        .setProducedAt(T0)
                        .setWorkerId("worker-a")
                        .build(),
                ProcessingError.newBuilder()
                        .setReason(ErrorReason.UNDECODABLE_IMAGE)
                        .setMessage("image of event img-9: not a PNG or JPEG")
                        .setOriginalTopic("capstream.images")
                        .setOriginalPartition(3)
                        .setOriginalOffset(1234L)
                        .setEventId("img-9")
                        .setSource("comics-site")
                        .setOccurredAt(T0)
                        .build(),
                WorkerMetrics.newBuilder()
                        .setWorkerId("worker-a")
                        .setModelName("iba-cd")
                        .setModelVersion(1)
                        .setWindowStart(T0)
                        .setWindowEnd(T0.plusSeconds(10))
                        .setEventsIn(120)
                        .setCaptionsOut(118)
                        .setErrorsOut(2)
                        .setThroughputPerSec(11.8)
                        .setLatencyP50Ms(40)
                        .setLatencyP95Ms(90)
                        .setLatencyP99Ms(130)
                        .setBatchSizeHistogram(
                                List.of(new HistogramBucket(1, 3L), new HistogramBucket(32, 4L)))
                        .setErrorsByReason(Map.of("TOO_LARGE", 2L))
                        .build(),
                LabeledImage.newBuilder()
                        .setId("toon-17")
                        .setSource("toons")
                        .setImage(inline)
                        .setCaptions(List.of("a red cat is jumping in the park"))
                        .setSplit(Split.VAL)
                        .setLabeledAt(T0)
                        .build(),
                LabeledPair.newBuilder()
                        .setId("000017.png")
                        .setSource("clevr-change")
                        .setBefore(inline)
                        .setAfter(inline)
                        .setCaptions(List.of("there is no difference"))
                        .setChangeType("no-change")
                        .build(),
                ModelUpdate.newBuilder()
                        .setModelName("decider")
                        .setVersion(3)
                        .setCheckpointUri("file:///models/decider/3")
                        .setValidationScores(Map.of("CIDEr-D", 1.62))
                        .setCreatedAt(T0)
                        .setAction(UpdateAction.PROMOTE)
                        .setPreviousVersion(2)
                        .setTrainedOnEvents(5000)
                        .build());
    }

    static Stream<Schema> schemas() {
        return fullEvents().map(SpecificRecord::getSchema);
    }

    @ParameterizedTest
    @MethodSource("fullEvents")
    void shouldRoundTripWhenEveryFieldIsSet(SpecificRecord event) throws IOException {
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
