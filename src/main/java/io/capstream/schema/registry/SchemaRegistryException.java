package io.capstream.schema.registry;

/**
 * A schema registry request failed. Carries the HTTP status and the registry's own {@code
 * error_code} (e.g. 40403 schema not found) when the registry answered, and says which request
 * failed.
 */
public class SchemaRegistryException extends RuntimeException {

    /** Confluent error code: the subject does not exist. */
    public static final int SUBJECT_NOT_FOUND = 40401;

    /** Confluent error code: the version does not exist. */
    public static final int VERSION_NOT_FOUND = 40402;

    /** Confluent error code: the schema (by id, or under a subject) does not exist. */
    public static final int SCHEMA_NOT_FOUND = 40403;

    /** Confluent error code: the subject has no compatibility level of its own. */
    public static final int SUBJECT_LEVEL_NOT_CONFIGURED = 40408;

    private final int httpStatus;
    private final int errorCode;

    /**
     * @param message what failed, naming the request and the registry's message
     * @param httpStatus the HTTP status, or 0 when no response was received
     * @param errorCode the registry's {@code error_code}, or 0 when it sent none
     */
    public SchemaRegistryException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** The HTTP status, or 0 when the registry could not be reached. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The registry's {@code error_code}, or 0 when it sent none. */
    public int errorCode() {
        return errorCode;
    }

    /** True for a 404: the subject, version or schema asked for does not exist. */
    public boolean isNotFound() {
        return httpStatus == 404;
    }
}
