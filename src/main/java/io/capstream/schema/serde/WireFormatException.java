package io.capstream.schema.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes are not a readable Confluent-format Avro record: the record itself is bad (the
 * worker sends it to the dead-letter topic with reason SCHEMA_ERROR), as opposed to the registry
 * being unreachable (a plain {@link SerializationException}, worth retrying).
 */
public class WireFormatException extends SerializationException {

    /** What is wrong with the record. */
    public enum Problem {
        /** The first byte is not the Confluent magic byte 0. */
        UNKNOWN_MAGIC_BYTE,
        /** Fewer bytes than the header, or than the Avro record, needs. */
        TRUNCATED,
        /** The registry has no schema with the id in the header. */
        UNKNOWN_SCHEMA_ID,
        /** The writer schema cannot be resolved to the reader's generated class. */
        INCOMPATIBLE_SCHEMA,
        /** The Avro body does not decode with the writer schema (corrupt, or bytes left over). */
        UNREADABLE_PAYLOAD
    }

    private final Problem problem;
    private final String topic;
    private final int schemaId;

    /**
     * @param schemaId the id from the header, or -1 when the header could not be read
     */
    public WireFormatException(
            Problem problem, String topic, int schemaId, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
        this.topic = topic;
        this.schemaId = schemaId;
    }

    /** What is wrong with the record. */
    public Problem problem() {
        return problem;
    }

    /** The topic the record was read from. */
    public String topic() {
        return topic;
    }

    /** The schema id from the record's header, or -1 when there was no readable header. */
    public int schemaId() {
        return schemaId;
    }
}
