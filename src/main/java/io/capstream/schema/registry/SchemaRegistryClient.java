package io.capstream.schema.registry;

import org.apache.avro.Schema;

/**
 * The operations capstream needs from a Confluent-compatible schema registry. Implementations are
 * thread-safe. Failures are {@link SchemaRegistryException}s carrying the HTTP status and the
 * registry's error code.
 */
public interface SchemaRegistryClient {

    /**
     * Registers {@code schema} under {@code subject}, or finds it if it is already registered
     * there.
     *
     * @return the schema id; the same schema always gets the same id
     * @throws SchemaRegistryException status 409 when the subject's compatibility rule rejects it
     */
    int register(String subject, Schema schema);

    /**
     * Finds the id of a schema already registered under {@code subject}, without registering it.
     *
     * @throws SchemaRegistryException status 404 when the subject or the schema is not there
     */
    int idOf(String subject, Schema schema);

    /**
     * The schema with a registry-wide id, as written in the header of a record.
     *
     * @throws SchemaRegistryException status 404 when no schema has that id
     */
    Schema schemaById(int id);

    /**
     * The newest version of a subject.
     *
     * @throws SchemaRegistryException status 404 when the subject does not exist
     */
    SchemaVersion latestVersion(String subject);

    /**
     * Whether {@code schema} could be registered as the next version of {@code subject} under its
     * compatibility level. A subject with no versions accepts any schema.
     */
    boolean isCompatible(String subject, Schema schema);

    /** The registry-wide default compatibility level. */
    CompatibilityLevel compatibility();

    /** The level that applies to {@code subject}: its own, or else the registry-wide default. */
    CompatibilityLevel compatibility(String subject);

    /** Sets the registry-wide default compatibility level. */
    void setCompatibility(CompatibilityLevel level);

    /**
     * Sets the compatibility level of one subject. Apicurio treats a subject's NONE as "no rule of
     * its own", so there the global level still applies.
     */
    void setCompatibility(String subject, CompatibilityLevel level);
}
