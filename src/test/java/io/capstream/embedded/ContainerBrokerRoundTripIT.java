package io.capstream.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capstream.schema.SampleEvents;
import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.registry.SchemaRegistryClient;
import io.capstream.schema.serde.SpecificAvroSerde;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The serde round trip against a broker in a container, where a Docker engine exists; skipped
 * otherwise (our build machines have none, so {@link io.capstream.schema.serde.SerdeRoundTripIT} on
 * the embedded broker is the real coverage).
 */
@Testcontainers(disabledWithoutDocker = true)
@ExtendWith(EmbeddedServersExtension.class)
class ContainerBrokerRoundTripIT {

    @Container static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    @Test
    void shouldRoundTripImageEventWhenBrokerRunsInContainer(SchemaRegistryClient registry)
            throws Exception {
        var serde = new SpecificAvroSerde<>(registry, ImageEvent.class, false, true);
        ImageEvent event = SampleEvents.imageEvent("container-1", 1000);
        try (var producer =
                new KafkaProducer<>(
                        KafkaClients.producerConfig(KAFKA.getBootstrapServers(), 1 << 20),
                        new StringSerializer(),
                        serde.serializer())) {
            producer.send(new ProducerRecord<>("container-images", "cam-1", event)).get();
        }
        var records =
                KafkaClients.readRecords(
                        KafkaClients.consumerConfig(KAFKA.getBootstrapServers(), 1 << 20),
                        new StringDeserializer(),
                        serde.deserializer(),
                        "container-images",
                        1,
                        Duration.ofSeconds(60));
        assertEquals(event, records.get(0).value());
    }
}
