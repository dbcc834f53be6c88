package io.capstream.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker of its own (not the shared one), stopped and started again on its data directory. */
class EmbeddedKafkaRestartIT {

    @Test
    void shouldKeepTopicDataWhenRestartedOnSameDirectory(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("kafka");
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().optDataDir(data).build().start()) {
            System.out.println("cold broker start: " + kafka.startupTime().toMillis() + " ms");
            try (Admin admin = admin(kafka)) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
            }
            try (var producer =
                    new KafkaProducer<>(
                            KafkaClients.producerConfig(kafka.bootstrapServers(), 1 << 20),
                            new StringSerializer(),
                            new StringSerializer())) {
                for (String v : List.of("a", "b", "c")) {
                    producer.send(new ProducerRecord<>("kept", v, v)).get();
                }
            }
        }
        assertEquals(true, Files.exists(data.resolve("meta.properties")), "data dir was deleted");
        try (EmbeddedKafka again = EmbeddedKafka.builder().optDataDir(data).build().start()) {
            System.out.println(
                    "restart on existing data: " + again.startupTime().toMillis() + " ms");
            List<ConsumerRecord<String, String>> records =
                    KafkaClients.readRecords(
                            KafkaClients.consumerConfig(again.bootstrapServers(), 1 << 20),
                            new StringDeserializer(),
                            new StringDeserializer(),
                            "kept",
                            3,
                            Duration.ofSeconds(30));
            assertEquals(
                    List.of("a", "b", "c"), records.stream().map(ConsumerRecord::value).toList());
        }
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
