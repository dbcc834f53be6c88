package io.capstream.producer;

import io.capstream.data.Split;
import io.capstream.schema.avro.ImageData;
import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.avro.ImagePairEvent;
import io.capstream.schema.avro.LabeledImage;
import io.capstream.schema.avro.LabeledPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the Avro events the producers send. */
public final class Events {
    /** The model that captions single images unless an event asks for another. */
    public static final String IMAGE_MODEL = "iba-cd";

    /** The model that describes changes between image pairs unless an event asks for another. */
    public static final String PAIR_MODEL = "decider";

    private Events() {}

    /** Caption this picture. */
    public static ImageEvent image(
            String id, String source, Instant time, ImageData image, Map<String, String> meta) {
        return ImageEvent.newBuilder()
                .setId(id)
                .setSource(source)
                .setEventTime(time)
                .setTask(IMAGE_MODEL)
                .setImage(image)
                .setMetadata(meta)
                .build();
    }

    /** Describe what changed between these two pictures. */
    public static ImagePairEvent pair(
            String id,
            String source,
            Instant time,
            ImageData before,
            ImageData after,
            Map<String, String> meta) {
        return ImagePairEvent.newBuilder()
                .setId(id)
                .setSource(source)
                .setEventTime(time)
                .setTask(PAIR_MODEL)
                .setBefore(before)
                .setAfter(after)
                .setMetadata(meta)
                .build();
    }

    /** A picture with reference captions, for training. */
    public static LabeledImage labeledImage(
            String id, String source, ImageData image, List<String> captions, Split split) {
        return LabeledImage.newBuilder()
                .setId(id)
                .setSource(source)
                .setImage(image)
                .setCaptions(captions)
                .setSplit(split(split))
                .setLabeledAt(Instant.now())
                .build();
    }

    /** An image pair with reference change captions, for training. */
    public static LabeledPair labeledPair(
            String id,
            String source,
            ImageData before,
            ImageData after,
            List<String> captions,
            Split split,
            Optional<String> changeType) {
        return LabeledPair.newBuilder()
                .setId(id)
                .setSource(source)
                .setBefore(before)
                .setAfter(after)
                .setCaptions(captions)
                .setSplit(split(split))
                .setChangeType(changeType.orElse(null))
                .setLabeledAt(Instant.now())
                .build();
    }

    private static io.capstream.schema.avro.Split split(Split s) {
        return io.capstream.schema.avro.Split.valueOf(s.name());
    }
}
