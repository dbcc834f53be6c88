package io.capstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.schema.avro.CaptionResult;
import io.capstream.schema.avro.ErrorReason;
import io.capstream.schema.avro.ImageData;
import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.avro.ImagePairEvent;
import io.capstream.schema.avro.ProcessingError;
import io.capstream.schema.registry.SchemaRegistryException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerTopologyTest {
    private static final WorkerTopology.Topics TOPICS =
            new WorkerTopology.Topics("images", "pairs", "captions", "dlq");

    @TempDir Path stateDir;
    private final FakeCaptioner imageModel = new FakeCaptioner("iba-cd", 1, false);
    private final FakeCaptioner pairModel = new FakeCaptioner("decider", 7, true);
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean captionsUnwritable = new AtomicBoolean();
    private TopologyTestDriver driver;
    private InferenceExecutor executor;
    private TestInputTopic<String, byte[]> images;
    private TestInputTopic<String, byte[]> pairs;
    private TestOutputTopic<String, CaptionResult> captions;
    private TestOutputTopic<String, ProcessingError> dlq;

    private void start(int maxBatch, Duration delay) {
        executor = new InferenceExecutor(Map.of("iba-cd", imageModel, "decider", pairModel), 256);
        WorkerTopology.Settings s =
                new WorkerTopology.Settings(
                        TOPICS,
                        new PlainAvroSerde<>(ImageEvent.class),
                        new PlainAvroSerde<>(ImagePairEvent.class),
                        (topic, c) -> {
                            if (captionsUnwritable.get()) {
                                throw new SchemaRegistryException(
                                        "registry unreachable", 0, 0, null);
                            }
                            return new PlainAvroSerde<>(CaptionResult.class).serialize(topic, c);
                        },
                        new PlainAvroSerde<>(ProcessingError.class),
                        new BatchPolicy(maxBatch, delay),
                        new ImageLoader(100_000, 1_000_000),
                        "worker-test",
                        new WorkerStats(),
                        draining::get);
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "worker-topology-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(WorkerTopology.build(s, executor), p, Instant.EPOCH);
        images =
                driver.createInputTopic(
                        "images", Serdes.String().serializer(), Serdes.ByteArray().serializer());
        pairs =
                driver.createInputTopic(
                        "pairs", Serdes.String().serializer(), Serdes.ByteArray().serializer());
        captions =
                driver.createOutputTopic(
                        "captions",
                        Serdes.String().deserializer(),
                        new PlainAvroSerde<>(CaptionResult.class));
        dlq =
                driver.createOutputTopic(
                        "dlq",
                        Serdes.String().deserializer(),
                        new PlainAvroSerde<>(ProcessingError.class));
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.close();
        }
        if (executor != null) {
            executor.close();
        }
    }

    @Test
    void shouldFlushWhenBatchReachesMaxSize() throws IOException {
        start(4, Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            images.pipeInput("cam-" + i, imageEvent("e" + i, png(16, 16, 10 * i), "iba-cd"));
        }
        assertTrue(captions.isEmpty(), "flushed before the batch was full");
        images.pipeInput("cam-3", imageEvent("e3", png(16, 16, 30), "iba-cd"));
        List<CaptionResult> out = captions.readValuesToList();
        assertEquals(4, out.size());
        assertEquals(List.of(4), imageModel.batchSizes);
        for (int i = 0; i < 4; i++) {
            assertEquals("e" + i, out.get(i).getEventId());
            assertEquals("grey " + (10 * i), out.get(i).getCaption());
            assertEquals(4, out.get(i).getBatchSize());
            assertEquals("iba-cd", out.get(i).getModelName());
            assertEquals(List.of(0.9f, 0.5f), out.get(i).getTokenConfidences());
        }
    }

    @Test
    void shouldFlushWhenOldestRecordHasWaitedMaxDelay() throws IOException {
        start(32, Duration.ofMillis(100));
        images.pipeInput("cam", imageEvent("a", png(16, 16, 50), "iba-cd"));
        driver.advanceWallClockTime(Duration.ofMillis(40));
        images.pipeInput("cam", imageEvent("b", png(16, 16, 60), "iba-cd"));
        driver.advanceWallClockTime(Duration.ofMillis(40));
        assertTrue(captions.isEmpty(), "flushed before the oldest record waited 100 ms");
        driver.advanceWallClockTime(Duration.ofMillis(30));
        List<CaptionResult> out = captions.readValuesToList();
        assertEquals(List.of("a", "b"), out.stream().map(CaptionResult::getEventId).toList());
        assertEquals(List.of(2), imageModel.batchSizes);
        assertTrue(
                out.get(0).getTimings().getQueueWaitMs() >= 100,
                out.get(0).getTimings().toString());
    }

    @Test
    void shouldBatchPairsSeparatelyFromImagesWhenBothArrive() throws IOException {
        start(2, Duration.ofSeconds(10));
        images.pipeInput("cam", imageEvent("i1", png(16, 16, 1), "iba-cd"));
        pairs.pipeInput("cam", pairEvent("p1", png(16, 16, 2), png(16, 16, 3)));
        assertTrue(captions.isEmpty());
        pairs.pipeInput("cam", pairEvent("p2", png(16, 16, 4), png(16, 16, 5)));
        List<CaptionResult> out = captions.readValuesToList();
        assertEquals(List.of("p1", "p2"), out.stream().map(CaptionResult::getEventId).toList());
        assertEquals(7, out.get(0).getModelVersion());
        assertEquals("grey 3", out.get(0).getCaption());
        assertTrue(imageModel.batchSizes.isEmpty());
    }

    @Test
    void shouldRouteEachBadRecordToDeadLetterTopicWithItsReasonWhileValidOnesAreCaptioned()
            throws IOException {
        start(100, Duration.ofMillis(10));
        byte[] good = png(16, 16, 77);
        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        images.pipeInput("k0", "not avro at all".getBytes());
        images.pipeInput("k1", imageEvent("undecodable", truncated, "iba-cd"));
        images.pipeInput("k2", imageEvent("pdf", "%PDF-1.4 xx".getBytes(), "iba-cd"));
        images.pipeInput("k3", imageEvent("big", new byte[100_001], "iba-cd"));
        images.pipeInput("k4", imageEvent("nomodel", good, "no-such-model"));
        images.pipeInput("k5", imageEvent("wrongkind", good, "decider"));
        images.pipeInput("k6", byReference("uri", "file:///definitely/not/here.png"));
        pairs.pipeInput("k7", pairEvent("mismatch", png(16, 16, 1), png(16, 8, 1)));
        images.pipeInput("k8", imageEvent("ok", good, "iba-cd"));
        driver.advanceWallClockTime(Duration.ofMillis(20));

        Map<String, ProcessingError> byKey =
                dlq.readKeyValuesToList().stream()
                        .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value));
        assertEquals(ErrorReason.SCHEMA_ERROR, byKey.get("k0").getReason());
        assertNull(byKey.get("k0").getEventId());
        assertEquals("images", byKey.get("k0").getOriginalTopic());
        assertEquals(0L, byKey.get("k0").getOriginalOffset());
        assertEquals(ErrorReason.UNDECODABLE_IMAGE, byKey.get("k1").getReason());
        assertEquals("undecodable", byKey.get("k1").getEventId());
        assertEquals(ErrorReason.UNSUPPORTED_FORMAT, byKey.get("k2").getReason());
        assertEquals(ErrorReason.TOO_LARGE, byKey.get("k3").getReason());
        assertEquals(ErrorReason.MODEL_ERROR, byKey.get("k4").getReason());
        assertEquals(ErrorReason.SCHEMA_ERROR, byKey.get("k5").getReason());
        assertEquals(ErrorReason.UNREADABLE_URI, byKey.get("k6").getReason());
        assertEquals(ErrorReason.PAIR_SIZE_MISMATCH, byKey.get("k7").getReason());
        assertEquals(8, byKey.size());
        assertTrue(byKey.get("k1").getMessage().startsWith("event undecodable: image: "));
        assertEquals(
                List.of("ok"),
                captions.readValuesToList().stream().map(CaptionResult::getEventId).toList());
    }

    @Test
    void shouldFailTaskInsteadOfDeadLetteringWhenCaptionCannotBeWritten() throws IOException {
        start(1, Duration.ofSeconds(10));
        captionsUnwritable.set(true);
        assertThrows(
                StreamsException.class,
                () -> images.pipeInput("cam", imageEvent("x", png(16, 16, 9), "iba-cd")));
        assertTrue(dlq.isEmpty(), "a valid record was dead-lettered");
    }

    @Test
    void shouldSendWholeBatchToDeadLetterTopicWhenModelFailsAndKeepServing() throws IOException {
        start(2, Duration.ofSeconds(10));
        imageModel.fail = true;
        images.pipeInput("a", imageEvent("x1", png(16, 16, 1), "iba-cd"));
        images.pipeInput("b", imageEvent("x2", png(16, 16, 2), "iba-cd"));
        List<ProcessingError> errors = dlq.readValuesToList();
        assertEquals(
                List.of(ErrorReason.MODEL_ERROR, ErrorReason.MODEL_ERROR),
                errors.stream().map(ProcessingError::getReason).toList());
        assertTrue(errors.get(0).getMessage().contains("simulated model failure"));
        imageModel.fail = false;
        images.pipeInput("a", imageEvent("x3", png(16, 16, 3), "iba-cd"));
        images.pipeInput("b", imageEvent("x4", png(16, 16, 4), "iba-cd"));
        assertEquals(2, captions.readValuesToList().size());
    }

    @Test
    void shouldFlushEverythingBufferedWhenDraining() throws IOException {
        start(32, Duration.ofHours(1));
        images.pipeInput("a", imageEvent("d1", png(16, 16, 1), "iba-cd"));
        driver.advanceWallClockTime(Duration.ofMillis(200));
        assertTrue(captions.isEmpty());
        draining.set(true);
        driver.advanceWallClockTime(Duration.ofMillis(200));
        assertEquals(1, captions.readValuesToList().size());
    }

    private static byte[] imageEvent(String id, byte[] image, String task) {
        ImageEvent e =
                ImageEvent.newBuilder()
                        .setId(id)
                        .setSource("cam")
                        .setEventTime(Instant.EPOCH)
                        .setTask(task)
                        .setImage(inline(image))
                        .build();
        return new PlainAvroSerde<>(ImageEvent.class).serialize("images", e);
    }

    private static byte[] byReference(String id, String uri) {
        ImageEvent e =
                ImageEvent.newBuilder()
                        .setId(id)
                        .setSource("cam")
                        .setEventTime(Instant.EPOCH)
                        .setImage(
                                ImageData.newBuilder()
                                        .setContentType("image/png")
                                        .setUri(uri)
                                        .setSizeBytes(10)
                                        .build())
                        .build();
        return new PlainAvroSerde<>(ImageEvent.class).serialize("images", e);
    }

    private static byte[] pairEvent(String id, byte[] before, byte[] after) {
        ImagePairEvent e =
                ImagePairEvent.newBuilder()
                        .setId(id)
                        .setSource("cam")
                        .setEventTime(Instant.EPOCH)
                        .setBefore(inline(before))
                        .setAfter(inline(after))
                        .build();
        return new PlainAvroSerde<>(ImagePairEvent.class).serialize("pairs", e);
    }

    private static ImageData inline(byte[] b) {
        return ImageData.newBuilder()
                .setContentType("image/png")
                .setBytes(ByteBuffer.wrap(b))
                .setSizeBytes(b.length)
                .build();
    }

    static byte[] png(int w, int h, int grey) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(grey, grey, grey));
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
