package io.capstream.trainer;

import static io.capstream.worker.PipelineFixture.readCommitted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigLoader;
import io.capstream.embedded.EmbeddedKafka;
import io.capstream.embedded.EmbeddedServersExtension;
import io.capstream.embedded.KafkaClients;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.producer.EventProducer;
import io.capstream.producer.Outgoing;
import io.capstream.schema.ConfiguredTopics;
import io.capstream.schema.TopicAdmin;
import io.capstream.schema.Topics;
import io.capstream.schema.avro.ErrorReason;
import io.capstream.schema.avro.ModelUpdate;
import io.capstream.schema.avro.ProcessingError;
import io.capstream.schema.avro.UpdateAction;
import io.capstream.schema.registry.SchemaRegistryClient;
import java.awt.Color;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training consumer on the embedded KRaft broker and Apicurio registry, fine-tuning a copy of
 * the shipped decider checkpoint on a small generated CLEVR-Change-like stream.
 */
@ExtendWith(EmbeddedServersExtension.class)
class TrainingConsumerIT {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_FETCH = 20 * 1024 * 1024;
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(120);
    private static final double HELD_OUT = 0.25;

    @TempDir Path tmp;

    private CapstreamConfig config(String prefix, Path store, double minImprovement) {
        return ConfigLoader.builder()
                .optOverride("topic.prefix=" + prefix)
                .optOverride("topic.partitions=2")
                .optOverride("model.store=" + store)
                .optOverride("model.device=cpu")
                .optOverride("trainer.models=decider")
                // rounds start 1.5 s after the first record, so one burst is one round
                .optOverride("trainer.round.min.events=1000")
                .optOverride("trainer.round.max.wait.ms=1500")
                .optOverride("trainer.round.steps=4")
                .optOverride("trainer.batch.size=8")
                .optOverride("trainer.validation.fraction=" + HELD_OUT)
                .optOverride("trainer.publish.min.improvement=" + minImprovement)
                .build();
    }

    private static TrainingConsumer trainer(
            CapstreamConfig cfg, String bootstrap, SchemaRegistryClient registry, String id) {
        return TrainingConsumer.builder()
                .setConfig(cfg)
                .setBootstrapServers(bootstrap)
                .setRegistry(registry)
                .optTrainerId(id)
                .build()
                .start();
    }

    @Test
    void shouldPublishDeadLetterAndResumeWithoutRetrainingWhenRestartedAfterACrash(
            EmbeddedKafka kafka, SchemaRegistryClient registry) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        String prefix = "tc-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Path storeDir = tmp.resolve("store");
        TrainerFixtures.copyShippedDecider(storeDir);
        ModelStore store = ModelStore.at(storeDir);
        CapstreamConfig publishing = config(prefix, storeDir, -100);
        Topics topics = ConfiguredTopics.of(publishing, registry);
        createTopics(publishing, bootstrap, topics);

        // 16 scenes, each a changed and an unchanged pair: 32 labeled examples, in order.
        List<Outgoing<?>> examples = TrainerFixtures.labeledPairs(tmp, topics, 16);
        List<Outgoing<?>> first = examples.subList(0, 24);
        List<Outgoing<?>> second = examples.subList(24, examples.size());
        HoldOut holdOut = new HoldOut(HELD_OUT);
        int firstHeld = (int) first.stream().filter(o -> holdOut.isHeldOut(o.id())).count();
        int secondHeld = (int) second.stream().filter(o -> holdOut.isHeldOut(o.id())).count();
        assertTrue(firstHeld >= 1 && firstHeld <= first.size() - 2, "held out " + firstHeld);

        byte[] red = LabeledTesting.png(64, Color.RED, Color.BLUE);
        byte[] truncated = Arrays.copyOf(red, red.length / 2);
        try (EventProducer p = new EventProducer(publishing, bootstrap)) {
            first.forEach(o -> o.sendWith(p));
            p.send(
                    topics.labeledPairs(),
                    "bad",
                    LabeledTesting.pair("bad-no-caption", List.of(" "), red, red));
            p.send(
                    topics.labeledPairs(),
                    "bad",
                    LabeledTesting.pair("bad-image", List.of("a change"), red, truncated));
            p.sendRaw(
                    topics.labeledPairs().name(),
                    "bad",
                    "not an avro record".getBytes(StandardCharsets.UTF_8));
            p.flush();
        }

        // First trainer: one round, published (any score is tolerated), then a crash.
        TrainingConsumer t1 = trainer(publishing, bootstrap, registry, "it-trainer-1");
        await(() -> !t1.stats().rounds().isEmpty() || !t1.isRunning(), "the first round");
        assertEquals(Optional.empty(), t1.failure());
        TrainerStats.Round r1 = t1.stats().rounds().get(0);
        t1.halt();
        assertEquals(2, r1.version());
        assertEquals(1, r1.previousVersion());
        assertTrue(r1.published(), r1.reason());
        assertEquals(first.size() - firstHeld, r1.trainedOnEvents());
        assertEquals(firstHeld, r1.heldOutEvents());
        assertTrue(r1.after().containsKey("CIDEr-D"), r1.after().toString());
        assertEquals(first.size() + 3, t1.stats().consumed());
        assertEquals(3, t1.stats().deadLettered());
        assertEquals(2, store.current("decider"));
        ModelCheckpoint v2 = ModelCheckpoint.load(store.path("decider", 2));
        assertEquals("decider", v2.name());

        ModelUpdate u =
                onlyUpdate(readCommitted(bootstrap, topics.modelUpdates(), 1, READ_TIMEOUT));
        assertEquals("decider", u.getModelName());
        assertEquals(2, u.getVersion());
        assertEquals(1, u.getPreviousVersion());
        assertEquals(UpdateAction.PUBLISH, u.getAction());
        assertEquals(first.size() - firstHeld, u.getTrainedOnEvents());
        assertEquals(r1.after(), u.getValidationScores());
        assertEquals(
                store.path("decider", 2).toRealPath(),
                Path.of(URI.create(u.getCheckpointUri())).toRealPath());

        List<ProcessingError> dead =
                readCommitted(bootstrap, topics.dlq(), 3, READ_TIMEOUT).stream()
                        .map(ConsumerRecord::value)
                        .toList();
        assertEquals(
                Set.of(
                        ErrorReason.INVALID_LABEL,
                        ErrorReason.UNDECODABLE_IMAGE,
                        ErrorReason.SCHEMA_ERROR),
                dead.stream().map(ProcessingError::getReason).collect(Collectors.toSet()));
        for (ProcessingError e : dead) {
            assertEquals(topics.labeledPairs().name(), e.getOriginalTopic());
            String where =
                    e.getOriginalTopic()
                            + "-"
                            + e.getOriginalPartition()
                            + "@"
                            + e.getOriginalOffset();
            assertTrue(e.getMessage().startsWith(where), e.getMessage());
            assertEquals("it-trainer-1", e.getWorkerId());
            if (e.getReason() == ErrorReason.INVALID_LABEL) {
                assertEquals("bad-no-caption", e.getEventId());
                assertTrue(e.getMessage().contains("(event bad-no-caption)"), e.getMessage());
            }
            if (e.getReason() == ErrorReason.UNDECODABLE_IMAGE) {
                assertEquals("bad-image", e.getEventId());
            }
        }

        // New records, then a restarted trainer that must read only them.
        try (EventProducer p = new EventProducer(publishing, bootstrap)) {
            second.forEach(o -> o.sendWith(p));
            p.flush();
        }
        CapstreamConfig strict = config(prefix, storeDir, 100); // cannot gain that much
        TrainingConsumer t2 = trainer(strict, bootstrap, registry, "it-trainer-2");
        try {
            await(() -> !t2.stats().rounds().isEmpty() || !t2.isRunning(), "the second round");
            assertEquals(Optional.empty(), t2.failure());
            TrainerStats.Round r2 = t2.stats().rounds().get(0);
            assertEquals(second.size(), t2.stats().consumed(), "committed records read again");
            assertEquals(3, r2.version());
            assertEquals(2, r2.previousVersion());
            assertEquals(second.size() - secondHeld, r2.trainedOnEvents());
            assertEquals(second.size() - secondHeld, r2.newEvents());
            assertEquals(firstHeld + secondHeld, r2.heldOutEvents(), "held-out slice restored");
            assertFalse(r2.published(), r2.reason());
            assertTrue(r2.reason().contains("trainer.publish.min.improvement"), r2.reason());

            // A record that needs no training is committed after the wait, without a round.
            long commits = t2.stats().commits();
            try (EventProducer p = new EventProducer(publishing, bootstrap)) {
                p.sendRaw(topics.labeledPairs().name(), "bad", new byte[] {0, 0, 0});
                p.flush();
            }
            await(() -> t2.stats().commits() > commits || !t2.isRunning(), "a commit");
            assertEquals(1, t2.stats().rounds().size());
            assertEquals(second.size() + 1, t2.stats().consumed());
        } finally {
            t2.close();
        }
        assertEquals(
                endOffsets(bootstrap, topics),
                committed(bootstrap, prefix + "trainer"),
                "the trainer's group has committed every record it read");
        assertEquals(2, store.current("decider"), "an unpublished version is not promoted");
        Map<?, ?> round =
                (Map<?, ?>) ModelCheckpoint.load(store.path("decider", 3)).metrics().get("round");
        assertEquals(second.size() - secondHeld, round.get("trainedOnEvents"));
        assertEquals(
                u.getVersion(),
                onlyUpdate(readCommitted(bootstrap, topics.modelUpdates(), 1, READ_TIMEOUT))
                        .getVersion());
    }

    private static void createTopics(CapstreamConfig cfg, String bootstrap, Topics topics) {
        Map<String, Object> admin = new HashMap<>();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin a = Admin.create(admin)) {
            TopicAdmin.ensureTopics(a, topics.all());
        }
    }

    private static Map<TopicPartition, Long> committed(String bootstrap, String group)
            throws Exception {
        try (Admin a =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, Long> out = new HashMap<>();
            a.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .forEach((tp, o) -> out.put(tp, o.offset()));
            return out;
        }
    }

    /** End offsets of the non-empty partitions of the labeled-pairs topic. */
    private static Map<TopicPartition, Long> endOffsets(String bootstrap, Topics topics) {
        Map<String, Object> c = new HashMap<>(KafkaClients.consumerConfig(bootstrap, MAX_FETCH));
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(
                        c,
                        new StringDeserializer(),
                        new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            List<TopicPartition> parts =
                    consumer.partitionsFor(topics.labeledPairs().name()).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            Map<TopicPartition, Long> out = new HashMap<>(consumer.endOffsets(parts));
            out.values().removeIf(o -> o == 0);
            return out;
        }
    }

    private static ModelUpdate onlyUpdate(List<ConsumerRecord<String, ModelUpdate>> records) {
        assertEquals(1, records.size(), "model updates: " + records);
        assertEquals("decider", records.get(0).key());
        return records.get(0).value();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + ROUND_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + ROUND_TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
