package io.capstream.schema.registry;

import org.apache.avro.Schema;

/**
 * One registered version of a subject.
 *
 * @param subject the subject, e.g. {@code capstream.images-value}
 * @param version the version number within the subject, from 1
 * @param id the registry-wide schema id written into every record (Confluent wire format)
 * @param schema the Avro schema
 */
public record SchemaVersion(String subject, int version, int id, Schema schema) {}
