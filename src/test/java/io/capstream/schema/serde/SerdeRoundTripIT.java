package io.capstream.schema.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.embedded.ApicurioRegistry;
import io.capstream.embedded.EmbeddedKafka;
import io.capstream.embedded.EmbeddedServersExtension;
import io.capstream.embedded.KafkaClients;
import io.capstream.schema.SampleEvents;
import io.capstream.schema.TopicAdmin;
import io.capstream.schema.TopicSpec;
import io.capstream.schema.Topics;
import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every event type through the real broker and the real registry, and a 3 MB inline image. */
@ExtendWith(EmbeddedServersExtension.class)
class SerdeRoundTripIT {

    private static final int MAX_BYTES = Topics.DEFAULT_MAX_MESSAGE_BYTES;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static Topics topics(SchemaRegistryClient registry, EmbeddedKafka kafka) {
        Topics topics =
                Topics.builder()
                        .setRegistry(registry)
                        .optPrefix("rt-" + UUID.randomUUID() + ".")
                        .optPartitions(1)
                        .build();
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()))) {
            TopicAdmin.ensureTopics(admin, topics.all());
        }
        return topics;
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldReadBackEqualEventWhenEveryTypeIsProduced(
            EmbeddedKafka kafka, SchemaRegistryClient registry) {
        Topics topics = topics(registry, kafka);
        List<SpecificRecord> events = SampleEvents.all();
        List<TopicSpec<?, ?>> specs = topics.all();
        for (int i = 0; i < specs.size(); i++) {
            TopicSpec<String, SpecificRecord> spec =
                    (TopicSpec<String, SpecificRecord>) specs.get(i);
            SpecificRecord event = events.get(i);
            assertEquals(event, roundTrip(kafka, spec, event).value(), spec.name());
        }
    }

    @Test
    void shouldCarryThreeMegabyteImageWhenSizesAreConfigured(
            EmbeddedKafka kafka, SchemaRegistryClient registry) {
        TopicSpec<String, ImageEvent> images = topics(registry, kafka).images();
        ImageEvent big = SampleEvents.imageEvent("big-1", 3 * 1024 * 1024);
        long t0 = System.nanoTime();
        ConsumerRecord<String, ImageEvent> back = roundTrip(kafka, images, big);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(
                "3 MB image round trip (serialize, produce, consume, deserialize): %d ms, %d bytes"
                        + " on the wire%n",
                millis, back.serializedValueSize());
        assertTrue(back.serializedValueSize() > 3 * 1024 * 1024);
        assertEquals(big, back.value());
    }

    @Test
    void shouldWorkWhenSerdesAreConfiguredByClassNameLikeConfluents(
            EmbeddedKafka kafka, ApicurioRegistry apicurio, SchemaRegistryClient registry) {
        String url = apicurio.url();
        String topic = "confluent-style-" + UUID.randomUUID();
        Map<String, Object> producer =
                KafkaClients.producerConfig(kafka.bootstrapServers(), MAX_BYTES);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer.put(
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                SpecificAvroSerializer.class.getName());
        producer.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
        producer.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "true");
        ImageEvent event = SampleEvents.imageEvent("conf-1", 1000);
        try (KafkaProducer<String, ImageEvent> p = new KafkaProducer<>(producer)) {
            p.send(new ProducerRecord<>(topic, "cam-1", event)).get();
        } catch (Exception e) {
            throw new AssertionError("produce failed", e);
        }
        Map<String, Object> consumer =
                KafkaClients.consumerConfig(kafka.bootstrapServers(), MAX_BYTES);
        consumer.put(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumer.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                SpecificAvroDeserializer.class.getName());
        consumer.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url);
        consumer.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, ImageEvent.class.getName());
        var records =
                KafkaClients.<String, ImageEvent>readRecords(
                        consumer, null, null, topic, 1, TIMEOUT);
        assertEquals(event, records.get(0).value());
        assertEquals(
                ImageEvent.getClassSchema(), registry.latestVersion(topic + "-value").schema());
    }

    private static <V> ConsumerRecord<String, V> roundTrip(
            EmbeddedKafka kafka, TopicSpec<String, V> spec, V event) {
        Map<String, Object> producer =
                KafkaClients.producerConfig(kafka.bootstrapServers(), MAX_BYTES);
        try (KafkaProducer<String, V> p =
                new KafkaProducer<>(
                        producer, spec.keySerde().serializer(), spec.valueSerde().serializer())) {
            RecordMetadata sent = p.send(new ProducerRecord<>(spec.name(), "key-1", event)).get();
            assertEquals(spec.name(), sent.topic());
        } catch (Exception e) {
            throw new AssertionError("produce to " + spec.name() + " failed", e);
        }
        return KafkaClients.readRecords(
                        KafkaClients.consumerConfig(kafka.bootstrapServers(), MAX_BYTES),
                        spec.keySerde().deserializer(),
                        spec.valueSerde().deserializer(),
                        spec.name(),
                        1,
                        TIMEOUT)
                .get(0);
    }
}
