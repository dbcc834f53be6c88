package io.capstream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.schema.Topics;
import io.capstream.schema.avro.ErrorReason;
import io.capstream.schema.serde.InMemorySchemaRegistry;
import io.capstream.training.TrainingSample;
import io.capstream.worker.ImageLoader;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class LabeledRecordsTest {
    private final Topics topics =
            Topics.builder().setRegistry(new InMemorySchemaRegistry()).optPrefix("t.").build();
    private final LabeledRecords decoder =
            new LabeledRecords(topics, new ImageLoader(1 << 20, 1 << 24));
    private final byte[] red = LabeledTesting.png(40, Color.RED, Color.BLUE);
    private final byte[] green = LabeledTesting.png(40, Color.GREEN, Color.BLUE);

    private ConsumerRecord<String, byte[]> pairRecord(long offset, Object value) {
        byte[] bytes =
                value instanceof byte[] b
                        ? b
                        : topics.labeledPairs()
                                .valueSerde()
                                .serializer()
                                .serialize(
                                        topics.labeledPairs().name(),
                                        (io.capstream.schema.avro.LabeledPair) value);
        return new ConsumerRecord<>(topics.labeledPairs().name(), 1, offset, "src", bytes);
    }

    @Test
    void shouldDecodePairAtModelSizeWhenRecordIsGood() {
        LabeledRecords.Outcome o =
                decoder.decode(
                        pairRecord(
                                7,
                                LabeledTesting.pair(
                                        "p-1",
                                        List.of("the red became green", "  ", "it changed"),
                                        red,
                                        green)),
                        true,
                        16);
        TrainingSample s = assertInstanceOf(LabeledRecords.Accepted.class, o).sample();
        assertEquals("p-1", s.id());
        assertEquals(16, s.imageSize());
        assertEquals(2, s.images().size());
        assertEquals(List.of("the red became green", "it changed"), s.captions());
    }

    @Test
    void shouldDecodeSingleImageWhenRecordIsLabeledImage() {
        byte[] bytes =
                topics.labeledImages()
                        .valueSerde()
                        .serializer()
                        .serialize(
                                topics.labeledImages().name(),
                                LabeledTesting.single("i-1", List.of("a red picture"), red));
        LabeledRecords.Outcome o =
                decoder.decode(
                        new ConsumerRecord<>(topics.labeledImages().name(), 0, 3, "k", bytes),
                        false,
                        8);
        TrainingSample s = assertInstanceOf(LabeledRecords.Accepted.class, o).sample();
        assertEquals(1, s.images().size());
        assertEquals(3 * 8 * 8, s.images().get(0).length);
    }

    @Test
    void shouldRejectAsInvalidLabelWhenNoCaptionHasAWord() {
        LabeledRecords.Outcome o =
                decoder.decode(
                        pairRecord(12, LabeledTesting.pair("p-2", List.of(" ", "..."), red, green)),
                        true,
                        16);
        LabeledRecords.Rejected r = assertInstanceOf(LabeledRecords.Rejected.class, o);
        assertEquals(ErrorReason.INVALID_LABEL, r.reason());
        assertEquals("p-2", r.eventId());
        assertTrue(r.message().startsWith("t.labeled-pairs-1@12 (event p-2): "), r.message());
        assertTrue(r.message().contains("no reference caption"), r.message());
    }

    @Test
    void shouldRejectAsUndecodableWhenPictureIsTruncated() {
        byte[] truncated = java.util.Arrays.copyOf(green, green.length / 2);
        LabeledRecords.Outcome o =
                decoder.decode(
                        pairRecord(13, LabeledTesting.pair("p-3", List.of("x y"), red, truncated)),
                        true,
                        16);
        LabeledRecords.Rejected r = assertInstanceOf(LabeledRecords.Rejected.class, o);
        assertEquals(ErrorReason.UNDECODABLE_IMAGE, r.reason());
        assertTrue(r.message().startsWith("t.labeled-pairs-1@13 (event p-3): "), r.message());
    }

    @Test
    void shouldKeepImageLoadersReasonWhenBytesAreNoKnownFormat() {
        byte[] junk = "not a picture at all".getBytes(StandardCharsets.UTF_8);
        LabeledRecords.Outcome o =
                decoder.decode(
                        pairRecord(15, LabeledTesting.pair("p-4", List.of("x y"), junk, red)),
                        true,
                        16);
        LabeledRecords.Rejected r = assertInstanceOf(LabeledRecords.Rejected.class, o);
        assertEquals(ErrorReason.UNSUPPORTED_FORMAT, r.reason());
        assertTrue(r.message().contains("not a PNG"), r.message());
    }

    @Test
    void shouldRejectAsSchemaErrorWhenValueIsNotWireFormat() {
        LabeledRecords.Outcome o =
                decoder.decode(
                        pairRecord(14, "garbage".getBytes(StandardCharsets.UTF_8)), true, 16);
        LabeledRecords.Rejected r = assertInstanceOf(LabeledRecords.Rejected.class, o);
        assertEquals(ErrorReason.SCHEMA_ERROR, r.reason());
        assertNull(r.eventId());
        assertEquals("src", r.source());
        assertTrue(r.message().startsWith("t.labeled-pairs-1@14: "), r.message());
    }

    @Test
    void shouldRejectAsSchemaErrorWhenRecordIsTombstone() {
        LabeledRecords.Outcome o =
                decoder.decode(
                        new ConsumerRecord<>(topics.labeledPairs().name(), 0, 1, "k", null),
                        true,
                        16);
        assertEquals(
                ErrorReason.SCHEMA_ERROR,
                assertInstanceOf(LabeledRecords.Rejected.class, o).reason());
    }
}
