package io.capstream.worker;

import io.capstream.model.CaptionInput;
import io.capstream.schema.avro.ErrorReason;
import io.capstream.schema.serde.RegistryOutage;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What the micro-batcher needs to know about one kind of input event (single images or pairs): how
 * to read it and how to turn it into a model input. Keeps the batcher itself generic.
 *
 * @param <E> the Avro event class
 */
abstract class EventKind<E> {
    private final Deserializer<E> deserializer;

    EventKind(Deserializer<E> deserializer) {
        this.deserializer = deserializer;
    }

    /** The batcher's name, used for its state store and processor ("images", "pairs"). */
    abstract String name();

    abstract String eventId(E event);

    abstract String source(E event);

    /** The model the producer asked for (the event's task field). */
    abstract String model(E event);

    abstract Map<String, String> metadata(E event);

    /** Whether the models for this kind take image pairs. */
    abstract boolean pairs();

    /** Decodes and validates the event's images, resized to the model's input size. */
    abstract CaptionInput toInput(E event, ImageLoader images, int size)
            throws RejectedInputException;

    /** Reads the record value; a wire-format or schema problem becomes a SCHEMA_ERROR rejection. */
    E read(String topic, byte[] value) throws RejectedInputException {
        if (value == null) {
            throw new RejectedInputException(
                    ErrorReason.SCHEMA_ERROR, "record has no value (tombstone)");
        }
        try {
            E e = deserializer.deserialize(topic, value);
            if (e == null) {
                throw new RejectedInputException(
                        ErrorReason.SCHEMA_ERROR, "record value decoded to null");
            }
            return e;
        } catch (RuntimeException ex) {
            if (RegistryOutage.causedBy(ex)) {
                // Not the record's fault: fail the task so nothing is committed; it is read again.
                throw ex;
            }
            throw new RejectedInputException(
                    ErrorReason.SCHEMA_ERROR, "value cannot be deserialized: " + ex.getMessage());
        }
    }
}
