package io.capstream.schema.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.capstream.embedded.EmbeddedKafka;
import io.capstream.embedded.EmbeddedServersExtension;
import io.capstream.embedded.KafkaClients;
import io.capstream.schema.SampleEvents;
import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.registry.SchemaRegistryClient;
import io.capstream.schema.serde.WireFormatException.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad records on a real topic surface as {@link WireFormatException}s with the right problem. */
@ExtendWith(EmbeddedServersExtension.class)
class WireFormatErrorsIT {

    @Test
    void shouldNameEachProblemWhenBadRecordsAreConsumed(
            EmbeddedKafka kafka, SchemaRegistryClient registry) throws Exception {
        String topic = "wire-errors-" + UUID.randomUUID();
        byte[] good =
                new SpecificAvroSerializer<ImageEvent>(registry, true, false)
                        .serialize(topic, SampleEvents.imageEvent("ok-1", 500));
        List<byte[]> payloads =
                List.of(
                        new byte[] {'{', '"', 'i', 'd', '"'}, // JSON, not Avro
                        new byte[] {0, 0x7f, 0x7f, 0x7f, 0x7f, 2, 'a'}, // id nobody registered
                        Arrays.copyOf(good, good.length - 100), // cut off
                        new byte[] {0, 0}, // header cut off
                        good);
        try (var producer =
                new KafkaProducer<>(
                        KafkaClients.producerConfig(kafka.bootstrapServers(), 1 << 20),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            for (byte[] payload : payloads) {
                producer.send(new ProducerRecord<>(topic, payload)).get();
            }
        }

        List<Object> outcomes = new ArrayList<>();
        try (var consumer =
                new KafkaConsumer<>(
                        KafkaClients.consumerConfig(kafka.bootstrapServers(), 1 << 20),
                        new StringDeserializer(),
                        new SpecificAvroDeserializer<>(registry, ImageEvent.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (outcomes.size() < payloads.size() && System.nanoTime() < deadline) {
                try {
                    consumer.poll(Duration.ofMillis(200))
                            .forEach(r -> outcomes.add(r.value().getId()));
                } catch (RecordDeserializationException e) {
                    WireFormatException cause =
                            assertInstanceOf(WireFormatException.class, e.getCause());
                    assertEquals(topic, cause.topic());
                    System.out.println("offset " + e.offset() + ": " + cause.getMessage());
                    outcomes.add(cause.problem());
                    consumer.seek(e.topicPartition(), e.offset() + 1); // skip it, as a DLQ would
                }
            }
        }
        assertEquals(
                List.of(
                        Problem.UNKNOWN_MAGIC_BYTE,
                        Problem.UNKNOWN_SCHEMA_ID,
                        Problem.TRUNCATED,
                        Problem.TRUNCATED,
                        "ok-1"),
                outcomes);
    }
}
