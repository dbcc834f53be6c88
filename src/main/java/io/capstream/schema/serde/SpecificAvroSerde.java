package io.capstream.schema.serde;

import io.capstream.schema.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link SpecificAvroSerializer} and {@link SpecificAvroDeserializer} as one Kafka Streams serde.
 *
 * @param <T> the generated record class
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SpecificAvroSerializer<T> serializer;
    private final SpecificAvroDeserializer<T> deserializer;

    /** For Kafka, which calls {@link #configure} next. */
    public SpecificAvroSerde() {
        this.serializer = new SpecificAvroSerializer<>();
        this.deserializer = new SpecificAvroDeserializer<>();
    }

    /**
     * A ready serde.
     *
     * @param type the generated class, whose schema is written and read
     * @param isKey whether it is used for keys (subject {@code <topic>-key}) or values
     * @param autoRegister whether the serializer registers new schemas
     */
    public SpecificAvroSerde(
            SchemaRegistryClient registry, Class<T> type, boolean isKey, boolean autoRegister) {
        this.serializer = new SpecificAvroSerializer<>(registry, autoRegister, isKey);
        this.deserializer = new SpecificAvroDeserializer<>(registry, type);
    }

    /** Configures both halves with {@link AvroSerdeConfig}'s keys, sharing one registry client. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (!serializer.hasRegistry()) {
            SchemaRegistryClient shared = AvroSerdeConfig.client(configs);
            serializer.useRegistry(shared);
            deserializer.useRegistry(shared);
        }
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
