package io.capstream.schema.registry;

/**
 * How a new schema version must relate to the earlier ones of its subject, with the names the
 * Confluent API uses. BACKWARD (Confluent's default): consumers using the new schema can read data
 * written with the last one.
 */
public enum CompatibilityLevel {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE
}
