package io.capstream.trainer;

import io.capstream.model.image.ModelImage;
import io.capstream.model.text.CaptionTokenizer;
import io.capstream.schema.Topics;
import io.capstream.schema.avro.ErrorReason;
import io.capstream.schema.avro.LabeledImage;
import io.capstream.schema.avro.LabeledPair;
import io.capstream.schema.serde.RegistryOutage;
import io.capstream.training.TrainingSample;
import io.capstream.worker.ImageLoader;
import io.capstream.worker.RejectedInputException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Turns one labeled record (a {@code LabeledImage} or {@code LabeledPair} in the Confluent wire
 * format) into a training sample at the model's image size, or into the reason it cannot be one:
 * SCHEMA_ERROR for bytes that do not deserialize, INVALID_LABEL for a missing id or no reference
 * caption, and the {@link ImageLoader}'s reason (UNDECODABLE_IMAGE, ...) for unusable pictures.
 * Every message names the record ({@code topic-partition@offset}, event id) and the problem.
 */
final class LabeledRecords {
    private final Deserializer<LabeledImage> images;
    private final Deserializer<LabeledPair> pairs;
    private final ImageLoader loader;

    /** What became of a record. */
    sealed interface Outcome permits Accepted, Rejected {}

    /** A usable training example. */
    record Accepted(TrainingSample sample) implements Outcome {}

    /** A record for the dead-letter topic; id and source are null when unreadable. */
    record Rejected(ErrorReason reason, String message, String eventId, String source)
            implements Outcome {}

    /** The registry could not be asked for the writer schema: not the record's fault. */
    static final class RegistryUnavailableException extends RuntimeException {
        RegistryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    LabeledRecords(Topics topics, ImageLoader loader) {
        this.images = topics.labeledImages().valueSerde().deserializer();
        this.pairs = topics.labeledPairs().valueSerde().deserializer();
        this.loader = loader;
    }

    /**
     * Decodes a record.
     *
     * @param r the record as bytes
     * @param pair whether it is a {@code LabeledPair} (else a {@code LabeledImage})
     * @param imageSize the model's image size
     * @return the sample or the rejection
     * @throws RegistryUnavailableException when the registry did not answer (read it again later)
     */
    Outcome decode(ConsumerRecord<String, byte[]> r, boolean pair, int imageSize) {
        String where = r.topic() + "-" + r.partition() + "@" + r.offset();
        if (r.value() == null) {
            return new Rejected(
                    ErrorReason.SCHEMA_ERROR,
                    where + ": record has no value (tombstone)",
                    null,
                    r.key());
        }
        Object value;
        try {
            value = (pair ? pairs : images).deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            if (RegistryOutage.causedBy(e)) {
                throw new RegistryUnavailableException(
                        where + ": schema registry unavailable: " + e.getMessage(), e);
            }
            return new Rejected(
                    ErrorReason.SCHEMA_ERROR,
                    where + ": value cannot be deserialized: " + e.getMessage(),
                    null,
                    r.key());
        }
        String id = pair ? ((LabeledPair) value).getId() : ((LabeledImage) value).getId();
        String source =
                pair ? ((LabeledPair) value).getSource() : ((LabeledImage) value).getSource();
        if (id == null || id.isBlank()) {
            return new Rejected(
                    ErrorReason.INVALID_LABEL, where + ": has no event id", null, source);
        }
        String named = where + " (event " + id + ")";
        List<String> captions =
                (pair ? ((LabeledPair) value).getCaptions() : ((LabeledImage) value).getCaptions())
                        .stream()
                                .map(CharSequence::toString)
                                .map(String::strip)
                                .filter(c -> !CaptionTokenizer.tokenize(c).isEmpty())
                                .toList();
        if (captions.isEmpty()) {
            return new Rejected(
                    ErrorReason.INVALID_LABEL,
                    named + ": has no reference caption with a word in it",
                    id,
                    source);
        }
        try {
            List<ModelImage> decoded =
                    pair
                            ? List.of(
                                    loader.loadPair(
                                            ((LabeledPair) value).getBefore(),
                                            ((LabeledPair) value).getAfter(),
                                            imageSize))
                            : List.of(
                                    loader.load(
                                            ((LabeledImage) value).getImage(), "image", imageSize));
            return new Accepted(TrainingSample.of(id, decoded, captions));
        } catch (RejectedInputException e) {
            return new Rejected(e.reason(), named + ": " + e.getMessage(), id, source);
        }
    }
}
