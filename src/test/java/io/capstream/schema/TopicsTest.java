package io.capstream.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.serde.InMemorySchemaRegistry;
import java.util.List;
import java.util.OptionalInt;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicsTest {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

    @Test
    void shouldNameEveryTopicWithDefaultPrefixWhenNoneIsGiven() {
        Topics topics = Topics.builder().setRegistry(registry).build();
        assertEquals(
                List.of(
                        "capstream.images",
                        "capstream.image-pairs",
                        "capstream.captions",
                        "capstream.dlq",
                        "capstream.metrics",
                        "capstream.labeled-images",
                        "capstream.labeled-pairs",
                        "capstream.model-updates"),
                topics.all().stream().map(TopicSpec::name).toList());
    }

    @Test
    void shouldUsePrefixWhenOneIsConfigured() {
        Topics topics = Topics.builder().setRegistry(registry).optPrefix("test7.").build();
        assertEquals("test7.images", topics.images().name());
        assertTrue(topics.all().stream().allMatch(t -> t.name().startsWith("test7.")));
    }

    @Test
    void shouldSendImagesUncompressedAndLargeWhenTopicCarriesImages() {
        Topics topics =
                Topics.builder().setRegistry(registry).optMaxMessageBytes(8_000_000).build();
        for (TopicSpec<?, ?> t :
                List.of(
                        topics.images(),
                        topics.imagePairs(),
                        topics.labeledImages(),
                        topics.labeledPairs())) {
            assertEquals("uncompressed", t.configs().get("compression.type"), t.name());
            assertEquals(OptionalInt.of(8_000_000), t.maxMessageBytes(), t.name());
        }
        assertEquals(OptionalInt.empty(), topics.captions().maxMessageBytes());
    }

    @Test
    void shouldCompactModelUpdatesInOnePartitionWhenBuilt() {
        Topics topics = Topics.builder().setRegistry(registry).optPartitions(6).build();
        assertTrue(topics.modelUpdates().compacted());
        assertEquals(1, topics.modelUpdates().partitions());
        assertFalse(topics.images().compacted());
        assertEquals(6, topics.images().partitions());
        NewTopic created = topics.images().newTopic();
        assertEquals(6, created.numPartitions());
        assertEquals("uncompressed", created.configs().get("compression.type"));
    }

    @Test
    void shouldRegisterUnderTopicSubjectWhenValueSerdeIsUsed() {
        Topics topics = Topics.builder().setRegistry(registry).optPrefix("p.").build();
        ImageEvent event = SampleEvents.imageEvent("a", 10);
        byte[] bytes = topics.images().valueSerde().serializer().serialize("p.images", event);
        assertEquals(List.of("p.images-value"), registry.subjects());
        assertEquals(
                event, topics.images().valueSerde().deserializer().deserialize("p.images", bytes));
        assertEquals(
                "cam-1",
                topics.images()
                        .keySerde()
                        .deserializer()
                        .deserialize(
                                "p.images",
                                topics.images()
                                        .keySerde()
                                        .serializer()
                                        .serialize("p.images", "cam-1")));
    }

    @Test
    void shouldRejectPrefixNamingItWhenItHasIllegalCharacters() {
        var e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Topics.builder().setRegistry(registry).optPrefix("a b/").build());
        assertTrue(e.getMessage().contains("'a b/'"), e.getMessage());
    }
}
