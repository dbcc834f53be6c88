package io.capstream.worker;

import static io.capstream.worker.PipelineFixture.await;
import static io.capstream.worker.PipelineFixture.config;
import static io.capstream.worker.PipelineFixture.readCommitted;
import static io.capstream.worker.PipelineFixture.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.cli.Main;
import io.capstream.config.CapstreamConfig;
import io.capstream.embedded.ApicurioRegistry;
import io.capstream.embedded.EmbeddedKafka;
import io.capstream.embedded.EmbeddedServersExtension;
import io.capstream.embedded.KafkaClients;
import io.capstream.model.Captioner;
import io.capstream.model.DjlCaptioner;
import io.capstream.producer.EventProducer;
import io.capstream.schema.ConfiguredTopics;
import io.capstream.schema.TopicAdmin;
import io.capstream.schema.Topics;
import io.capstream.schema.avro.CaptionResult;
import io.capstream.schema.avro.ErrorReason;
import io.capstream.schema.avro.ModelUpdate;
import io.capstream.schema.avro.ProcessingError;
import io.capstream.schema.avro.UpdateAction;
import io.capstream.schema.registry.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live model updates on the embedded broker and registry: a worker serving {@code decider} v1 from
 * a model store follows {@code model-updates} while pair events flow, switches to v2 and back
 * (rolled back by {@code capstream model promote}) without losing or duplicating a caption, and
 * refuses corrupt checkpoints while v1 keeps serving.
 */
@ExtendWith(EmbeddedServersExtension.class)
class LiveModelUpdateIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir Path tmp;
    private String bootstrap;
    private String registryUrl;
    private SchemaRegistryClient registry;

    @BeforeEach
    void servers(EmbeddedKafka k, ApicurioRegistry a, SchemaRegistryClient r) {
        bootstrap = k.bootstrapServers();
        registryUrl = a.url();
        registry = r;
    }

    private static String prefix(String what) {
        return "it-" + what + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    /** A worker serving the store's decider v1 (and a fresh tiny iba-cd). */
    private CaptionWorker worker(CapstreamConfig cfg, Path store) {
        Map<String, Captioner> models = new HashMap<>(TestModels.create(0));
        models.remove("decider").close();
        models.put("decider", DjlCaptioner.open(store.resolve("decider/v1"), "cpu", 0));
        return CaptionWorker.builder()
                .setConfig(cfg)
                .setBootstrapServers(bootstrap)
                .setRegistry(registry)
                .setModels(models)
                .build();
    }

    /** Publishes a decider update as the trainer (PUBLISH) or an operator (PROMOTE) would. */
    private void announce(Topics topics, int version, Path dir, UpdateAction action)
            throws Exception {
        ModelUpdate u =
                ModelUpdate.newBuilder()
                        .setModelName("decider")
                        .setVersion(version)
                        .setCheckpointUri(dir.toUri().toString())
                        .setCreatedAt(Instant.now())
                        .setAction(action)
                        .build();
        try (KafkaProducer<String, ModelUpdate> p =
                new KafkaProducer<>(
                        KafkaClients.producerConfig(bootstrap, 1 << 20),
                        new StringSerializer(),
                        topics.modelUpdates().valueSerde().serializer())) {
            p.send(new ProducerRecord<>(topics.modelUpdates().name(), "decider", u)).get();
        }
    }

    @Test
    void shouldSwitchToV2MidStreamAndBackToV1OnPromoteWithEveryCaptionOnce() throws Exception {
        String prefix = prefix("live");
        CapstreamConfig cfg = config(prefix);
        Topics topics = ConfiguredTopics.of(cfg, registry);
        Path store = tmp.resolve("store");
        TestCheckpoints.decider(store, 1, 42);
        Path v2 = TestCheckpoints.decider(store, 2, 7);
        PairStream events;
        try (CaptionWorker w = started(worker(cfg, store));
                CaptionTail tail = new CaptionTail(bootstrap, topics.captions())) {
            events = new PairStream(new EventProducer(cfg, bootstrap), topics, tmp, "", 25);
            try {
                await(() -> tail.size() >= 15, WAIT, "15 captions from v1");

                events.phase(1); // announced, not seen yet
                announce(topics, 2, v2, UpdateAction.PUBLISH);
                await(() -> events.seen(tail, 1, 2), WAIT, "a caption from v2");
                events.phase(2); // v2 serves
                await(() -> events.captioned(tail, 2) >= 15, WAIT, "15 captions of phase 2");

                events.phase(3); // rollback asked for
                int exit =
                        Main.run(
                                "model",
                                "promote",
                                "decider",
                                "1",
                                "--store",
                                store.toString(),
                                "--set",
                                "bootstrap.servers=" + bootstrap,
                                "--set",
                                "schema.registry.url=" + registryUrl,
                                "--set",
                                "topic.prefix=" + prefix);
                assertEquals(0, exit, "model promote decider 1");
                await(() -> events.seen(tail, 3, 1), WAIT, "a caption from v1 after the promote");
                events.phase(4); // v1 serves again
                await(() -> events.captioned(tail, 4) >= 15, WAIT, "15 captions of phase 4");
            } finally {
                events.close();
            }
            await(() -> tail.size() == events.sent().size(), WAIT, "a caption of every event");
        }

        CaptionVersions read =
                CaptionVersions.read(bootstrap, topics.captions(), events.sent(), "decider", WAIT);
        Map<String, Integer> version = read.byEvent();
        Map<Integer, List<Integer>> byPartition = read.byPartition();
        for (String id : events.sent()) {
            int phase = events.phaseOf(id);
            if (phase == 2 || phase == 4) {
                assertEquals(phase == 2 ? 2 : 1, version.get(id), id + " sent in phase " + phase);
            }
        }
        // Batches of a partition run in order: its captions go v1..., v2..., v1... and never back
        // and forth.
        byPartition.forEach(
                (partition, versions) -> {
                    List<Integer> runs = new ArrayList<>();
                    versions.forEach(
                            v -> {
                                if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(v)) {
                                    runs.add(v);
                                }
                            });
                    assertEquals(
                            List.of(1, 2, 1).subList(0, runs.size()),
                            runs,
                            "version runs on partition " + partition);
                });
        assertTrue(version.containsValue(1) && version.containsValue(2), "versions: " + version);
    }

    @Test
    void shouldDeadLetterCorruptAndMissingCheckpointsAndKeepServingV1() throws Exception {
        CapstreamConfig cfg = config(prefix("corrupt"));
        Topics topics = ConfiguredTopics.of(cfg, registry);
        Path store = tmp.resolve("store");
        TestCheckpoints.decider(store, 1, 42);
        Path truncated = TestCheckpoints.truncatedDecider(store, 2, 7);
        Path missing = store.resolve("decider/v3");
        PairStream events;
        try (CaptionWorker w = started(worker(cfg, store));
                CaptionTail tail = new CaptionTail(bootstrap, topics.captions())) {
            events = new PairStream(new EventProducer(cfg, bootstrap), topics, tmp, "", 25);
            try {
                await(() -> tail.size() >= 10, WAIT, "10 captions from v1");
                announce(topics, 2, truncated, UpdateAction.PUBLISH);
                readCommitted(bootstrap, topics.dlq(), 1, WAIT);
                announce(topics, 3, missing, UpdateAction.PUBLISH);
                readCommitted(bootstrap, topics.dlq(), 2, WAIT);
                int before = tail.size();
                await(() -> tail.size() >= before + 10, WAIT, "10 captions after the rejections");
            } finally {
                events.close();
            }
            await(() -> tail.size() == events.sent().size(), WAIT, "a caption of every event");
        }

        Map<String, Integer> version = new HashMap<>();
        for (ConsumerRecord<String, CaptionResult> r :
                readCommitted(bootstrap, topics.captions(), events.sent().size(), WAIT)) {
            CaptionResult c = r.value();
            assertEquals(null, version.put(c.getEventId(), c.getModelVersion()), "duplicated");
            assertEquals(1, c.getModelVersion(), c.getEventId() + " captioned by a rejected model");
        }
        assertEquals(new HashSet<>(events.sent()), version.keySet(), "events without a caption");

        List<ConsumerRecord<String, ProcessingError>> dlq =
                readCommitted(bootstrap, topics.dlq(), 2, WAIT);
        assertEquals(2, dlq.size(), "dead letters: " + dlq);
        for (ConsumerRecord<String, ProcessingError> r : dlq) {
            assertEquals("decider", r.key());
            assertEquals(ErrorReason.CHECKPOINT_REJECTED, r.value().getReason());
            assertEquals(topics.modelUpdates().name(), r.value().getOriginalTopic());
            assertTrue(
                    r.value().getMessage().endsWith("still serving decider v1"),
                    r.value().getMessage());
        }
        String corrupt = dlq.get(0).value().getMessage();
        assertTrue(corrupt.contains("decider v2"), corrupt);
        assertTrue(corrupt.contains(truncated.toUri().toString()), corrupt);
        assertTrue(corrupt.contains("model.params is corrupt"), corrupt);
        String absent = dlq.get(1).value().getMessage();
        assertTrue(absent.contains("decider v3"), absent);
        assertTrue(absent.contains("is not a directory"), absent);
    }

    @Test
    void shouldServeTheLastAnnouncedVersionFromTheFirstCaptionWhenWorkerStartsAfterIt()
            throws Exception {
        String prefix = prefix("restart");
        Topics topics = ConfiguredTopics.of(config(prefix), registry);
        Path store = tmp.resolve("store");
        TestCheckpoints.decider(store, 1, 42);
        Path v2 = TestCheckpoints.decider(store, 2, 7);
        Path v3 = TestCheckpoints.decider(store, 3, 9);
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicAdmin.ensureTopics(admin, topics.all());
        }
        announce(topics, 2, v2, UpdateAction.PUBLISH);
        announce(topics, 3, v3, UpdateAction.PUBLISH);
        announce(topics, 2, v2, UpdateAction.PROMOTE); // a rollback: the last one wins

        // Not following, a worker serves what it was started with.
        try (CaptionWorker w =
                started(worker(config(prefix, "worker.model.updates=false"), store))) {
            assertEquals(Set.of(1), captionVersions(topics, sendPairs(prefix, topics, "a-")));
        }
        try (CaptionWorker w = started(worker(config(prefix), store))) {
            assertEquals(Set.of(2), captionVersions(topics, sendPairs(prefix, topics, "b-")));
        }
    }

    /** Sends 6 pair events and returns their ids. */
    private List<String> sendPairs(String prefix, Topics topics, String idPrefix) throws Exception {
        PairStream events =
                new PairStream(
                        new EventProducer(config(prefix), bootstrap), topics, tmp, idPrefix, 0);
        await(() -> events.sent().size() >= 6, WAIT, "6 events sent");
        events.close();
        return events.sent();
    }

    /** Waits for the captions of {@code ids}; returns the model versions that made them. */
    private Set<Integer> captionVersions(Topics topics, List<String> ids) throws Exception {
        try (CaptionTail tail = new CaptionTail(bootstrap, topics.captions())) {
            await(
                    () -> ids.stream().allMatch(id -> tail.version(id) != null),
                    WAIT,
                    "captions of " + ids);
            return ids.stream().map(tail::version).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
