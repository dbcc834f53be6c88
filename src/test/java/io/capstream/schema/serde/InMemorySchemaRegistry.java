package io.capstream.schema.serde;

import io.capstream.schema.registry.CompatibilityLevel;
import io.capstream.schema.registry.SchemaRegistryClient;
import io.capstream.schema.registry.SchemaRegistryException;
import io.capstream.schema.registry.SchemaVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Test fake: a registry in a map. Like Confluent, one schema has one id across subjects. Only what
 * the serdes use is implemented.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private final Map<Schema, Integer> ids = new HashMap<>();
    private final Map<Integer, Schema> schemas = new HashMap<>();
    private final Map<String, List<Schema>> subjects = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = ids.computeIfAbsent(schema, s -> ids.size() + 1);
        schemas.put(id, schema);
        List<Schema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            versions.add(schema);
        }
        return id;
    }

    @Override
    public synchronized int idOf(String subject, Schema schema) {
        if (!subjects.getOrDefault(subject, List.of()).contains(schema)) {
            throw notFound("schema not registered under " + subject, 40403);
        }
        return ids.get(schema);
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema s = schemas.get(id);
        if (s == null) {
            throw notFound("no schema " + id, SchemaRegistryException.SCHEMA_NOT_FOUND);
        }
        return s;
    }

    @Override
    public synchronized SchemaVersion latestVersion(String subject) {
        List<Schema> versions = subjects.get(subject);
        if (versions == null) {
            throw notFound("no subject " + subject, SchemaRegistryException.SUBJECT_NOT_FOUND);
        }
        Schema latest = versions.get(versions.size() - 1);
        return new SchemaVersion(subject, versions.size(), ids.get(latest), latest);
    }

    /** Subjects registered so far. */
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompatibilityLevel compatibility() {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompatibilityLevel compatibility(String subject) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setCompatibility(CompatibilityLevel level) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        throw new UnsupportedOperationException();
    }

    private static SchemaRegistryException notFound(String message, int code) {
        return new SchemaRegistryException(message, 404, code, null);
    }
}
