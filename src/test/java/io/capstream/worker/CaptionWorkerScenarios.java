package io.capstream.worker;

import static io.capstream.worker.PipelineFixture.await;
import static io.capstream.worker.PipelineFixture.config;
import static io.capstream.worker.PipelineFixture.readCommitted;
import static io.capstream.worker.PipelineFixture.started;
import static io.capstream.worker.PipelineFixture.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.data.render.DeterministicPng;
import io.capstream.producer.EventProducer;
import io.capstream.producer.Events;
import io.capstream.producer.FaultyEvents;
import io.capstream.producer.ImagePayloads;
import io.capstream.producer.Outgoing;
import io.capstream.producer.SyntheticFeed;
import io.capstream.producer.SyntheticKind;
import io.capstream.schema.ConfiguredTopics;
import io.capstream.schema.Topics;
import io.capstream.schema.avro.CaptionResult;
import io.capstream.schema.avro.ErrorReason;
import io.capstream.schema.avro.ImageData;
import io.capstream.schema.avro.ProcessingError;
import io.capstream.schema.registry.SchemaRegistryClient;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end behaviour of the worker on a real broker and registry: exactly one caption per valid
 * event and one dead-letter record per bad one, across a halt, a killed process and multi-megabyte
 * records. Subclasses say where the broker is.
 */
abstract class CaptionWorkerScenarios {
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir Path tmp;

    abstract String bootstrap();

    abstract String registryUrl();

    abstract SchemaRegistryClient registry();

    private static String prefix(String what) {
        return "it-" + what + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    @Test
    void shouldCaptionEachValidEventOnceAndDeadLetterEachBadOneWhenMixedEventsArrive()
            throws Exception {
        CapstreamConfig cfg = config(prefix("mixed"));
        Topics topics = ConfiguredTopics.of(cfg, registry());
        Set<String> valid = new HashSet<>();
        Map<String, ErrorReason> bad = new TreeMap<>();
        try (CaptionWorker w = started(worker(cfg, bootstrap(), registry(), 0));
                EventProducer producer = new EventProducer(cfg, bootstrap())) {
            List<SyntheticFeed> feeds = feeds(topics);
            for (int i = 0; i < 300; i++) {
                if (i % 20 == 7) {
                    String key = "bad-" + bad.size();
                    FaultyEvents.Fault fault = FaultyEvents.ALL.get(bad.size() % 3);
                    FaultyEvents.make(fault, key, key, topics).sendWith(producer);
                    bad.put(key, fault.expected());
                } else {
                    Outgoing<?> o = feeds.get(i % 2).next();
                    o.sendWith(producer);
                    valid.add(o.id());
                }
            }
            producer.flush();
            readCommitted(bootstrap(), topics.captions(), valid.size(), WAIT);
        }
        assertEquals(285, valid.size());
        assertEquals(15, bad.size());
        assertExactlyOnce(valid, readCommitted(bootstrap(), topics.captions(), 285, WAIT));
        List<ConsumerRecord<String, ProcessingError>> dlq =
                readCommitted(bootstrap(), topics.dlq(), 15, WAIT);
        Map<String, ErrorReason> got = new TreeMap<>();
        dlq.forEach(r -> got.put(r.key(), r.value().getReason()));
        assertEquals(15, dlq.size(), "dead-letter records: " + got);
        assertEquals(bad, got);
    }

    @Test
    void shouldCaptionEachEventOnceWhenWorkerHaltsWithRecordsBufferedAndAnotherTakesOver()
            throws Exception {
        String prefix = prefix("halt");
        // A batch that never fills and never times out: everything stays buffered.
        CapstreamConfig holding =
                config(prefix, "worker.max.batch.size=1000", "worker.max.batch.delay.ms=600000");
        Topics topics = ConfiguredTopics.of(holding, registry());
        Set<String> ids = new HashSet<>();
        CaptionWorker first = started(worker(holding, bootstrap(), registry(), 0));
        try (EventProducer producer = new EventProducer(holding, bootstrap())) {
            List<SyntheticFeed> feeds = feeds(topics);
            for (int i = 0; i < 40; i++) {
                Outgoing<?> o = feeds.get(i % 2).next();
                o.sendWith(producer);
                ids.add(o.id());
            }
            producer.flush();
            await(() -> first.stats().buffered() == 40, WAIT, "40 records buffered");
        } finally {
            first.halt();
        }
        assertEquals(0, readCommitted(bootstrap(), topics.captions(), 0, WAIT).size());
        try (CaptionWorker second = started(worker(config(prefix), bootstrap(), registry(), 0))) {
            readCommitted(bootstrap(), topics.captions(), 40, WAIT);
        }
        assertExactlyOnce(ids, readCommitted(bootstrap(), topics.captions(), 40, WAIT));
    }

    @Test
    void shouldCaptionEachEventOnceWhenWorkerProcessIsKilledMidStream() throws Exception {
        String prefix = prefix("kill");
        CapstreamConfig cfg = config(prefix, "worker.max.batch.size=4");
        Topics topics = ConfiguredTopics.of(cfg, registry());
        AtomicLong captioned = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean();
        Process child = startWorkerProcess(prefix, 4, 40, captioned, running);
        Set<String> ids = new HashSet<>();
        try (EventProducer producer = new EventProducer(cfg, bootstrap())) {
            await(running::get, WAIT, "the worker process to run");
            List<SyntheticFeed> feeds = feeds(topics);
            for (int i = 0; i < 200; i++) {
                Outgoing<?> o = feeds.get(i % 2).next();
                o.sendWith(producer);
                ids.add(o.id());
            }
            producer.flush();
            await(() -> captioned.get() >= 30, WAIT, "the worker process to caption 30 events");
        } finally {
            child.destroyForcibly(); // SIGKILL: no drain, no commit, no leave-group
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(captioned.get() < 200, "killed after all were captioned: " + captioned);
        try (CaptionWorker second = started(worker(cfg, bootstrap(), registry(), 0))) {
            readCommitted(bootstrap(), topics.captions(), 200, WAIT);
        }
        assertExactlyOnce(ids, readCommitted(bootstrap(), topics.captions(), 200, WAIT));
    }

    @Test
    void shouldCaptionThreeMegabyteImagesWhenSentInlineOrByReference() throws Exception {
        CapstreamConfig cfg = config(prefix("large"));
        Topics topics = ConfiguredTopics.of(cfg, registry());
        byte[] big = noisePng(1024, 7);
        assertTrue(big.length > 3_000_000, "test image has only " + big.length + " bytes");
        ImagePayloads inline = new ImagePayloads(cfg.get(ConfigKeys.INLINE_IMAGE_MAX_BYTES), tmp);
        ImagePayloads byReference = new ImagePayloads(1 << 20, tmp);
        Path file = Files.write(tmp.resolve("big.png"), big);
        ImageData referenced = byReference.fromFile(file);
        assertNotNull(referenced.getUri(), "a 3 MB image above a 1 MB inline limit is referenced");
        Instant now = Instant.now();
        try (CaptionWorker w = started(worker(cfg, bootstrap(), registry(), 0));
                EventProducer producer = new EventProducer(cfg, bootstrap())) {
            ImageData inlined = inline.fromBytes(big, "big.png");
            assertNotNull(inlined.getBytes(), "a 3 MB image below the 4 MB inline limit is inline");
            producer.send(
                    topics.images(),
                    "cam-a",
                    Events.image("inline", "cam-a", now, inlined, Map.of()));
            producer.send(
                    topics.imagePairs(),
                    "cam-b",
                    Events.pair("pair", "cam-b", now, inlined, inlined, Map.of()));
            producer.send(
                    topics.images(),
                    "cam-c",
                    Events.image("referenced", "cam-c", now, referenced, Map.of()));
            producer.flush();
            readCommitted(bootstrap(), topics.captions(), 3, WAIT);
        }
        assertExactlyOnce(
                Set.of("inline", "pair", "referenced"),
                readCommitted(bootstrap(), topics.captions(), 3, WAIT));
        assertEquals(0, readCommitted(bootstrap(), topics.dlq(), 0, WAIT).size());
    }

    private List<SyntheticFeed> feeds(Topics topics) {
        ImagePayloads payloads = new ImagePayloads(1 << 20, tmp);
        return List.of(
                new SyntheticFeed(SyntheticKind.PAIRS, topics, payloads, 11, 32, "", 0),
                new SyntheticFeed(SyntheticKind.TOONS, topics, payloads, 11, 32, "", 0));
    }

    private static void assertExactlyOnce(
            Set<String> expected, List<ConsumerRecord<String, CaptionResult>> captions) {
        List<String> ids = new ArrayList<>();
        captions.forEach(r -> ids.add(r.value().getEventId()));
        Set<String> unique = new HashSet<>(ids);
        assertEquals(unique.size(), ids.size(), "duplicated captions among " + ids.size());
        assertEquals(expected, unique);
    }

    /** Random pixels: PNG cannot compress them, so a side of 1024 gives just over 3 MB. */
    private static byte[] noisePng(int side, long seed) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                img.setRGB(x, y, r.nextInt(1 << 24));
            }
        }
        return DeterministicPng.encode(img);
    }

    private Process startWorkerProcess(
            String prefix,
            int batch,
            long modelDelayMs,
            AtomicLong captioned,
            AtomicBoolean running)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p =
                new ProcessBuilder(
                                java.toString(),
                                "-Xmx512m",
                                "-XX:+UseSerialGC",
                                "-XX:TieredStopAtLevel=1",
                                "-Dai.djl.offline=true",
                                "-cp",
                                System.getProperty("java.class.path"),
                                WorkerProcessMain.class.getName(),
                                bootstrap(),
                                registryUrl(),
                                prefix,
                                Integer.toString(batch),
                                Long.toString(modelDelayMs),
                                tmp.resolve("killed-worker-state").toString())
                        .redirectError(tmp.resolve("worker-process.log").toFile())
                        .start();
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    p.getInputStream(), StandardCharsets.UTF_8))) {
                                for (String line; (line = in.readLine()) != null; ) {
                                    if (line.equals("running")) {
                                        running.set(true);
                                    } else if (line.startsWith("captions ")) {
                                        captioned.set(Long.parseLong(line.substring(9)));
                                    }
                                }
                            } catch (Exception e) {
                                // The process was killed; its output ends here.
                            }
                        },
                        "worker-process-output");
        reader.setDaemon(true);
        reader.start();
        return p;
    }
}
