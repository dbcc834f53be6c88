package io.capstream.schema.serde;

import io.capstream.schema.registry.SchemaRegistryClient;
import io.capstream.schema.registry.SchemaRegistryException;
import io.capstream.schema.serde.WireFormatException.Problem;
import java.io.EOFException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire format records into a generated Avro class. The writer schema is fetched by
 * the id in the record's header; the reader schema is the generated class's, and Avro schema
 * resolution bridges the two (fields added with defaults, removed fields, ...). Thread-safe.
 *
 * <p>A bad record raises {@link WireFormatException}; an unreachable registry raises a plain {@link
 * SerializationException}.
 *
 * @param <T> the generated record class
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private SchemaRegistryClient registry;
    private Class<T> type;
    private final Map<Integer, Resolved<T>> byWriterId = new ConcurrentHashMap<>();

    /** The reader for one writer schema id, or why there is none (worded without the topic). */
    private record Resolved<T>(DatumReader<T> reader, String readerName, String incompatibility) {}

    /**
     * For Kafka, which calls {@link #configure} next; the class comes from {@code
     * specific.avro.value.type} (or {@code .key.type}), else from the writer schema's name.
     */
    public SpecificAvroDeserializer() {}

    /** A ready deserializer producing {@code type} instances. */
    public SpecificAvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
        this.registry = registry;
        this.type = type;
    }

    /** Lets {@link SpecificAvroSerde} share one registry client between its two halves. */
    void useRegistry(SchemaRegistryClient registry) {
        this.registry = registry;
    }

    /** Reads {@link AvroSerdeConfig}'s keys; keeps a client and class given to the constructor. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = AvroSerdeConfig.client(configs);
        }
        if (type == null) {
            type = AvroSerdeConfig.recordType(configs, isKey);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new IllegalStateException("deserializer used before configure()");
        }
        int id = WireFormat.readSchemaId(topic, data);
        Resolved<T> resolved = byWriterId.get(id);
        if (resolved == null) {
            resolved = resolve(topic, id);
            byWriterId.putIfAbsent(id, resolved);
        }
        if (resolved.incompatibility() != null) {
            throw new WireFormatException(
                    Problem.INCOMPATIBLE_SCHEMA,
                    topic,
                    id,
                    "record on topic " + topic + ": " + resolved.incompatibility(),
                    null);
        }
        int bodyBytes = data.length - WireFormat.HEADER_BYTES;
        BinaryDecoder decoder =
                DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_BYTES, bodyBytes, null);
        try {
            T value = resolved.reader().read(null, decoder);
            if (!decoder.isEnd()) {
                throw new WireFormatException(
                        Problem.UNREADABLE_PAYLOAD,
                        topic,
                        id,
                        describe(topic, id, data, resolved)
                                + " has bytes left over after the record: corrupt or not written"
                                + " with schema id "
                                + id,
                        null);
            }
            return value;
        } catch (WireFormatException e) {
            throw e;
        } catch (EOFException e) {
            throw new WireFormatException(
                    Problem.TRUNCATED,
                    topic,
                    id,
                    describe(topic, id, data, resolved) + " ends before the record is complete",
                    e);
        } catch (Exception e) {
            throw new WireFormatException(
                    Problem.UNREADABLE_PAYLOAD,
                    topic,
                    id,
                    describe(topic, id, data, resolved) + " does not decode: " + e,
                    e);
        }
    }

    private static String describe(String topic, int id, byte[] data, Resolved<?> r) {
        return String.format(
                "%s record on topic %s (schema id %d, %d bytes of which %d Avro body)",
                r.readerName(), topic, id, data.length, data.length - WireFormat.HEADER_BYTES);
    }

    /**
     * Fetches the writer schema and pairs it with the reader class; cached per id by the caller.
     */
    private Resolved<T> resolve(String topic, int id) {
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaRegistryException e) {
            if (e.isNotFound()) {
                throw new WireFormatException(
                        Problem.UNKNOWN_SCHEMA_ID,
                        topic,
                        id,
                        "record on topic "
                                + topic
                                + " names schema id "
                                + id
                                + ", which the schema registry does not have ("
                                + e.getMessage()
                                + ")",
                        e);
            }
            throw new SerializationException(
                    "cannot read record on topic "
                            + topic
                            + ": schema registry did not return schema id "
                            + id
                            + " ("
                            + e.getMessage()
                            + ")",
                    e);
        }
        Class<?> readerClass = type != null ? type : SpecificData.get().getClass(writer);
        if (readerClass == null) {
            return new Resolved<>(
                    null,
                    writer.getFullName(),
                    "its schema id "
                            + id
                            + " is "
                            + writer.getFullName()
                            + ", which has no generated class here and no "
                            + AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE
                            + " is configured");
        }
        SpecificData model = SpecificData.getForClass(readerClass);
        Schema reader = model.getSchema(readerClass);
        var compatibility = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return new Resolved<>(
                    null,
                    reader.getName(),
                    "its schema id "
                            + id
                            + " ("
                            + writer.getFullName()
                            + ") cannot be read as "
                            + reader.getFullName()
                            + ": "
                            + compatibility.getResult().getIncompatibilities().stream()
                                    .map(
                                            i ->
                                                    i.getType()
                                                            + " "
                                                            + i.getMessage()
                                                            + " at "
                                                            + i.getLocation())
                                    .toList());
        }
        return new Resolved<>(
                new SpecificDatumReader<>(writer, reader, model), reader.getName(), null);
    }
}
