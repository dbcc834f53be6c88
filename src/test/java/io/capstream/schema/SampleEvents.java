package io.capstream.schema;

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
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.specific.SpecificRecord;

/** One fully populated event of every type, for serde and topic tests. */
public final class SampleEvents {

    public static final Instant T0 = Instant.parse("2026-11-22T10:15:30.123Z");

    private SampleEvents() {}

    /** Incompressible bytes standing in for an encoded image. */
    public static ImageData image(int sizeBytes, long seed) {
        byte[] bytes = new byte[sizeBytes];
        new Random(seed).nextBytes(bytes);
        return ImageData.newBuilder()
                .setContentType("image/jpeg")
                .setBytes(ByteBuffer.wrap(bytes))
                .setSizeBytes(sizeBytes)
                .setWidth(1920)
                .setHeight(1080)
                .build();
    }

    /** An image event carrying {@code sizeBytes} of inline image. */
    public static ImageEvent imageEvent(String id, int sizeBytes) {
        return ImageEvent.newBuilder()
                .setId(id)
                .setSource("cam-1")
                .setEventTime(T0)
                .setImage(image(sizeBytes, id.hashCode()))
                .setMetadata(Map.of("episode", "12"))
                .build();
    }

    /** One event of each of the eight topic value types, every optional field set. */
    public static List<SpecificRecord> all() {
        ImageData small = image(64, 1);
        ImageData byRef =
                ImageData.newBuilder()
                        .setContentType("image/png")
                        .setUri("file:///data/cam7/0001.png")
                        .setSizeBytes(3_145_728)
                        .build();
        return List.of(
                imageEvent("img-1", 100),
                ImagePairEvent.newBuilder()
                        .setId("pair-1")
                        .setSource("cam-7")
                        .setEventTime(T0)
                        .setBefore(small)
                        .setAfter(byRef)
                        .setBeforeTime(T0.minusSeconds(60))
                        .setAfterTime(T0)
                        .build(),
                CaptionResult.newBuilder()
                        .setEventId("pair-1")
                        .setSource("cam-7")
                        .setTask("decider")
                        .setCaption("the red cube moved")
                        .setTokens(List.of("the", "red", "cube", "moved"))
                        .setTokenConfidences(List.of(0.9f, 0.8f, 0.7f, 0.6f))
                        .setScore(0.74f)
                        .setModelName("decider")
                        .setModelVersion(2)
                        .setTimings(new Timings(3.5, 41.0, 57.25))
                        .setBatchSize(16)
                        .setProducedAt(T0)
                        .setWorkerId("worker-a")
                        .setMetadata(Map.of("k", "v"))
                        .build(),
                ProcessingError.newBuilder()
                        .setReason(ErrorReason.SCHEMA_ERROR)
                        .setMessage("record on topic capstream.images is truncated")
                        .setOriginalTopic("capstream.images")
                        .setOriginalPartition(3)
                        .setOriginalOffset(1234L)
                        .setEventId("img-9")
                        .setSource("cam-1")
                        .setOccurredAt(T0)
                        .setWorkerId("worker-a")
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
                        .setBatchSizeHistogram(List.of(new HistogramBucket(8, 3L)))
                        .setErrorsByReason(Map.of("TOO_LARGE", 2L))
                        .build(),
                LabeledImage.newBuilder()
                        .setId("toon-17")
                        .setSource("toons")
                        .setImage(small)
                        .setCaptions(List.of("a red cat is jumping"))
                        .setSplit(Split.VAL)
                        .setLabeledAt(T0)
                        .setMetadata(Map.of("style", "flat"))
                        .build(),
                LabeledPair.newBuilder()
                        .setId("000017")
                        .setSource("clevr-change")
                        .setBefore(small)
                        .setAfter(small)
                        .setCaptions(List.of("there is no difference"))
                        .setSplit(Split.TEST)
                        .setChangeType("no-change")
                        .setLabeledAt(T0)
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
}
