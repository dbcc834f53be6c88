package io.capstream.worker;

import static io.capstream.worker.PipelineFixture.await;
import static io.capstream.worker.PipelineFixture.config;
import static io.capstream.worker.PipelineFixture.readCommitted;
import static io.capstream.worker.PipelineFixture.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.config.CapstreamConfig;
import io.capstream.embedded.EmbeddedKafka;
import io.capstream.embedded.EmbeddedServersExtension;
import io.capstream.model.Captioner;
import io.capstream.model.DjlCaptioner;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.producer.EventProducer;
import io.capstream.producer.Outgoing;
import io.capstream.schema.ConfiguredTopics;
import io.capstream.schema.Topics;
import io.capstream.schema.avro.ModelUpdate;
import io.capstream.schema.avro.ProcessingError;
import io.capstream.schema.avro.UpdateAction;
import io.capstream.schema.registry.SchemaRegistryClient;
import io.capstream.trainer.TrainerFixtures;
import io.capstream.trainer.TrainerStats;
import io.capstream.trainer.TrainingConsumer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole training loop on the embedded broker and registry: a worker serves the shipped {@code
 * decider} v1 from a model store while unlabeled pair events flow; a training consumer on the same
 * store and topics fine-tunes it on a small labeled stream and publishes v2; the worker switches to
 * v2 mid-stream, every event captioned exactly once, and the events sent after its first v2 caption
 * are all captioned by v2.
 */
@ExtendWith(EmbeddedServersExtension.class)
class TrainingLoopIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir Path tmp;

    /** Phases of the unlabeled stream (0: before the trainer starts). */
    private static final int TRAINING = 1;

    private static final int AFTER_SWITCH = 2;

    @Test
    void shouldCaptionWithTheTrainersVersion2AfterTheSwitchWithEveryCaptionOnce(
            EmbeddedKafka kafka, SchemaRegistryClient registry) throws Exception {
        String bootstrap = kafka.bootstrapServers();
        String prefix = "it-loop-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Path storeDir = tmp.resolve("store");
        TrainerFixtures.copyShippedDecider(storeDir);
        CapstreamConfig cfg =
                config(
                        prefix,
                        "model.store=" + storeDir,
                        "model.device=cpu",
                        "trainer.models=decider",
                        // rounds start 1.5 s after the first labeled record: one burst, one round
                        "trainer.round.min.events=1000",
                        "trainer.round.max.wait.ms=1500",
                        "trainer.round.steps=4",
                        "trainer.batch.size=8",
                        "trainer.validation.fraction=0.25",
                        // a 4-step round on a few examples need not validate better
                        "trainer.publish.always=true");
        Topics topics = ConfiguredTopics.of(cfg, registry);
        List<Outgoing<?>> labeled = TrainerFixtures.labeledPairs(tmp, topics, 12);

        Map<String, Captioner> models = new HashMap<>(TestModels.create(0));
        models.remove("decider").close();
        models.put("decider", DjlCaptioner.open(storeDir.resolve("decider/v1"), "cpu", 0));
        CaptionWorker worker =
                CaptionWorker.builder()
                        .setConfig(cfg)
                        .setBootstrapServers(bootstrap)
                        .setRegistry(registry)
                        .setModels(models)
                        .build();
        TrainingConsumer trainer = null;
        TrainerStats.Round round;
        PairStream events;
        try (CaptionWorker w = started(worker);
                CaptionTail tail = new CaptionTail(bootstrap, topics.captions())) {
            events = new PairStream(new EventProducer(cfg, bootstrap), topics, tmp, "", 100);
            try {
                await(() -> tail.size() >= 10, WAIT, "10 captions from v1");

                events.phase(TRAINING);
                TrainingConsumer t =
                        TrainingConsumer.builder()
                                .setConfig(cfg)
                                .setBootstrapServers(bootstrap)
                                .setRegistry(registry)
                                .optTrainerId("it-loop-trainer")
                                .build()
                                .start();
                trainer = t;
                try (EventProducer p = new EventProducer(cfg, bootstrap)) {
                    labeled.forEach(o -> o.sendWith(p));
                    p.flush();
                }
                await(() -> !t.stats().rounds().isEmpty() || !t.isRunning(), WAIT, "a round");
                assertEquals(Optional.empty(), t.failure());
                round = t.stats().rounds().get(0);
                assertTrue(round.published(), round.reason());
                assertEquals(2, round.version());

                await(() -> events.seen(tail, TRAINING, 2), WAIT, "a caption from v2");
                events.phase(AFTER_SWITCH);
                await(
                        () -> events.captioned(tail, AFTER_SWITCH) >= 10,
                        WAIT,
                        "10 captions of events sent after the switch");
            } finally {
                events.close();
                if (trainer != null) {
                    trainer.close();
                }
            }
            await(() -> tail.size() == events.sent().size(), WAIT, "a caption of every event");
        }

        // The trainer's announcement: v2, fine-tuned from v1, in the shared store.
        List<ConsumerRecord<String, ModelUpdate>> updates =
                readCommitted(bootstrap, topics.modelUpdates(), 1, WAIT);
        assertEquals(1, updates.size(), "model updates: " + updates);
        ModelUpdate u = updates.get(0).value();
        assertEquals("decider", updates.get(0).key());
        assertEquals(UpdateAction.PUBLISH, u.getAction());
        assertEquals(2, u.getVersion());
        assertEquals(1, u.getPreviousVersion());
        assertEquals(round.trainedOnEvents(), u.getTrainedOnEvents());
        ModelStore store = ModelStore.at(storeDir);
        assertEquals(2, store.current("decider"));
        assertEquals(
                store.path("decider", 2).toRealPath(),
                Path.of(URI.create(u.getCheckpointUri())).toRealPath());
        assertFalse(Arrays.equals(params(store, 1), params(store, 2)), "v2 holds v1's weights");

        // Every unlabeled event captioned once; v1 before the switch, v2 after it.
        CaptionVersions read =
                CaptionVersions.read(bootstrap, topics.captions(), events.sent(), "decider", WAIT);
        Map<String, Integer> version = read.byEvent();
        Map<Integer, List<Integer>> byPartition = read.byPartition();
        for (String id : events.sent()) {
            int phase = events.phaseOf(id);
            if (phase == AFTER_SWITCH) {
                assertEquals(2, version.get(id), id + " sent after the first v2 caption");
            }
        }
        byPartition.forEach(
                (partition, versions) ->
                        assertEquals(
                                versions.stream().sorted().toList(),
                                versions,
                                "captions of partition " + partition + " go back to v1"));
        assertTrue(version.containsValue(1) && version.containsValue(2), "versions: " + version);

        // Neither the worker nor the trainer dead-lettered anything (no CHECKPOINT_REJECTED).
        List<ProcessingError> dead =
                readCommitted(bootstrap, topics.dlq(), 0, WAIT).stream()
                        .map(ConsumerRecord::value)
                        .toList();
        assertEquals(List.of(), dead, "dead letters");
    }

    private static byte[] params(ModelStore store, int version) throws IOException {
        return Files.readAllBytes(store.path("decider", version).resolve(ModelCheckpoint.PARAMS));
    }
}
