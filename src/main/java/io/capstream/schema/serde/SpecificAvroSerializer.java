package io.capstream.schema.serde;

import io.capstream.schema.registry.SchemaRegistryClient;
import io.capstream.schema.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in the Confluent wire format, registering (or, with {@code
 * auto.register.schemas=false}, looking up) the record's schema under the topic's subject. Either
 * construct it with a registry client, or let Kafka create it by class name and {@link #configure}
 * it with the keys of {@link AvroSerdeConfig}. Thread-safe.
 *
 * @param <T> the generated record class
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();

    /** For Kafka, which calls {@link #configure} next. */
    public SpecificAvroSerializer() {}

    /**
     * A ready serializer.
     *
     * @param autoRegister register new schemas (true) or only look them up (false)
     * @param isKey whether it serializes keys (subject {@code <topic>-key}) or values
     */
    public SpecificAvroSerializer(
            SchemaRegistryClient registry, boolean autoRegister, boolean isKey) {
        this.registry = registry;
        this.autoRegister = autoRegister;
        this.isKey = isKey;
    }

    /** Lets {@link SpecificAvroSerde} share one registry client between its two halves. */
    void useRegistry(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    boolean hasRegistry() {
        return registry != null;
    }

    /** Reads {@link AvroSerdeConfig}'s keys; keeps the registry client given to the constructor. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        AvroSerdeConfig.checkSubjectNameStrategy(configs, isKey);
        if (registry == null) {
            registry = AvroSerdeConfig.client(configs);
        }
        if (configs.containsKey(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS)) {
            autoRegister = AvroSerdeConfig.autoRegister(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("serializer used before configure()");
        }
        Schema schema = record.getSchema();
        int id = schemaId(topic, schema);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        WireFormat.writeHeader(out, id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writers.computeIfAbsent(schema, SpecificAvroSerializer::newWriter)
                    .write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException(
                    "cannot write "
                            + schema.getName()
                            + " for topic "
                            + topic
                            + ": "
                            + e.getMessage(),
                    e);
        }
        return out.toByteArray();
    }

    private int schemaId(String topic, Schema schema) {
        String subject = TopicNameStrategy.subjectName(topic, isKey);
        try {
            return autoRegister
                    ? registry.register(subject, schema)
                    : registry.idOf(subject, schema);
        } catch (SchemaRegistryException e) {
            String problem =
                    e.httpStatus() == 409
                            ? "is incompatible with the versions already under subject " + subject
                            : e.isNotFound() && !autoRegister
                                    ? "is not registered under subject "
                                            + subject
                                            + " and auto.register.schemas is false"
                                    : "could not be registered under subject " + subject;
            throw new SerializationException(
                    "schema " + schema.getFullName() + " " + problem + " (" + e.getMessage() + ")",
                    e);
        }
    }

    private static <T> DatumWriter<T> newWriter(Schema schema) {
        // The generated class's own model carries its logical-type conversions (Instant, ...).
        return new SpecificDatumWriter<>(schema, SpecificData.getForSchema(schema));
    }
}
