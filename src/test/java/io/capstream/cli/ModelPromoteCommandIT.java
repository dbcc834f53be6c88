package io.capstream.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.config.ConfigLoader;
import io.capstream.embedded.ApicurioRegistry;
import io.capstream.embedded.EmbeddedKafka;
import io.capstream.embedded.EmbeddedServersExtension;
import io.capstream.embedded.KafkaClients;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.schema.ConfiguredTopics;
import io.capstream.schema.TopicSpec;
import io.capstream.schema.avro.ModelUpdate;
import io.capstream.schema.avro.UpdateAction;
import io.capstream.schema.registry.SchemaRegistryClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code model promote} against the embedded broker and registry: CURRENT plus an announcement. */
@ExtendWith(EmbeddedServersExtension.class)
class ModelPromoteCommandIT {
    @TempDir Path tmp;

    @Test
    void shouldRewriteCurrentAndAnnouncePromoteWhenClusterIsConfigured(
            EmbeddedKafka kafka, ApicurioRegistry apicurio, SchemaRegistryClient registry)
            throws Exception {
        Path store = ShippedDeciderStore.create(tmp.resolve("store"));
        String prefix = "promote-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        TopicSpec<String, ModelUpdate> topic =
                ConfiguredTopics.of(
                                ConfigLoader.builder()
                                        .optOverride("topic.prefix=" + prefix)
                                        .build(),
                                registry)
                        .modelUpdates();
        Instant before = Instant.now();
        String[] cluster = {
            "--store", store.toString(),
            "--set", "bootstrap.servers=" + kafka.bootstrapServers(),
            "--set", "schema.registry.url=" + apicurio.url(),
            "--set", "topic.prefix=" + prefix
        };

        String err = promote(cluster, "decider", "1");
        assertEquals(
                "1",
                Files.readString(store.resolve("decider").resolve(ModelStore.CURRENT)).strip());
        assertTrue(err.contains("announced decider v1"), err);

        List<ConsumerRecord<String, ModelUpdate>> records =
                KafkaClients.readRecords(
                        KafkaClients.consumerConfig(kafka.bootstrapServers(), 1 << 20),
                        new StringDeserializer(),
                        topic.valueSerde().deserializer(),
                        topic.name(),
                        1,
                        Duration.ofSeconds(30));
        assertEquals(1, records.size());
        assertEquals("decider", records.get(0).key());
        ModelUpdate u = records.get(0).value();
        assertEquals(UpdateAction.PROMOTE, u.getAction());
        assertEquals("decider", u.getModelName());
        assertEquals(1, u.getVersion());
        assertEquals(2, u.getPreviousVersion());
        assertEquals(store.resolve("decider/v1").toUri().toString(), u.getCheckpointUri());
        Map<?, ?> best =
                (Map<?, ?>) ModelCheckpoint.load(store.resolve("decider/v1")).metrics().get("best");
        assertEquals(best.get("scores"), u.getValidationScores());
        assertTrue(
                u.getValidationScores().containsKey("CIDEr-D"), u.getValidationScores().toString());
        assertTrue(!u.getCreatedAt().isBefore(before.minusSeconds(1)), u.getCreatedAt().toString());

        // --no-announce: CURRENT only; the topic still holds the one announcement.
        String quiet = promote(cluster, "decider", "2", "--no-announce");
        assertTrue(quiet.contains("not announced (--no-announce)"), quiet);
        assertEquals(
                "2",
                Files.readString(store.resolve("decider").resolve(ModelStore.CURRENT)).strip());
        assertEquals(1, endOffset(kafka.bootstrapServers(), topic.name()));
    }

    private static String promote(String[] cluster, String... args) {
        String[] all = new String[2 + args.length + cluster.length];
        all[0] = "model";
        all[1] = "promote";
        System.arraycopy(args, 0, all, 2, args.length);
        System.arraycopy(cluster, 0, all, 2 + args.length, cluster.length);
        StringWriter err = new StringWriter();
        CommandLine cl = Main.newCommandLine();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute(all), String.join(" ", all) + "\n" + err);
        return err.toString();
    }

    private static long endOffset(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(
                        KafkaClients.consumerConfig(bootstrap, 1 << 20),
                        new StringDeserializer(),
                        new StringDeserializer())) {
            TopicPartition p = new TopicPartition(topic, 0);
            return c.endOffsets(List.of(p)).get(p);
        }
    }
}
