package io.capstream.worker;

import io.capstream.schema.avro.ErrorReason;

/**
 * An input record that cannot be captioned; it goes to the dead-letter topic with this reason and,
 * when the event could be read, its id and source.
 */
public final class RejectedInputException extends Exception {
    private final ErrorReason reason;
    private final String eventId;
    private final String source;

    RejectedInputException(ErrorReason reason, String message) {
        this(reason, message, null, null);
    }

    private RejectedInputException(
            ErrorReason reason, String message, String eventId, String source) {
        super(message);
        this.reason = reason;
        this.eventId = eventId;
        this.source = source;
    }

    /** The same rejection, naming the event it concerns. */
    RejectedInputException forEvent(String id, String eventSource) {
        return new RejectedInputException(
                reason, "event " + id + ": " + getMessage(), id, eventSource);
    }

    /** The dead-letter reason. */
    public ErrorReason reason() {
        return reason;
    }

    /** Null when the record could not be read as an event. */
    String eventId() {
        return eventId;
    }

    /** Null when the record could not be read as an event. */
    String source() {
        return source;
    }
}
