package io.capstream.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.embedded.EmbeddedKafka;
import io.capstream.embedded.EmbeddedServersExtension;
import io.capstream.schema.registry.SchemaRegistryClient;
import io.capstream.util.UserInputException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedServersExtension.class)
class TopicAdminIT {

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static Topics topics(SchemaRegistryClient registry, String prefix, int partitions) {
        return Topics.builder()
                .setRegistry(registry)
                .optPrefix(prefix)
                .optPartitions(partitions)
                .build();
    }

    @Test
    void shouldCreateMissingTopicsThenAcceptThem(EmbeddedKafka kafka, SchemaRegistryClient registry)
            throws Exception {
        Topics topics = topics(registry, "adm-" + UUID.randomUUID() + ".", 2);
        try (Admin admin = admin(kafka)) {
            List<String> created = TopicAdmin.ensureTopics(admin, topics.all());
            assertEquals(topics.all().stream().map(TopicSpec::name).toList(), created);
            assertEquals(List.of(), TopicAdmin.ensureTopics(admin, topics.all()));
            var images =
                    admin.describeTopics(List.of(topics.images().name())).allTopicNames().get();
            assertEquals(2, images.get(topics.images().name()).partitions().size());
        }
    }

    @Test
    void shouldNameTopicAndMismatchWhenExistingTopicIsTooSmall(
            EmbeddedKafka kafka, SchemaRegistryClient registry) throws Exception {
        String prefix = "small-" + UUID.randomUUID() + ".";
        Topics topics = topics(registry, prefix, 3);
        try (Admin admin = admin(kafka)) {
            // Someone created two of the topics by hand, with broker defaults.
            admin.createTopics(
                            List.of(
                                    new NewTopic(prefix + "images", 1, (short) 1)
                                            .configs(Map.of("max.message.bytes", "1048588")),
                                    new NewTopic(prefix + "model-updates", 1, (short) 1)))
                    .all()
                    .get();
            var e =
                    assertThrows(
                            UserInputException.class,
                            () -> TopicAdmin.ensureTopics(admin, topics.all()));
            String m = e.getMessage();
            System.out.println(m);
            assertTrue(
                    m.contains("topic " + prefix + "images has 1 partitions, needs at least 3"), m);
            assertTrue(m.contains("max.message.bytes is 1048588, needs at least 16777216"), m);
            assertTrue(
                    m.contains("topic " + prefix + "model-updates cleanup.policy is 'delete'"), m);
            assertTrue(!m.contains(prefix + "captions"), m);
        }
    }
}
