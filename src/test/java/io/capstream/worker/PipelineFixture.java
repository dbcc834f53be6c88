package io.capstream.worker;

import static org.junit.jupiter.api.Assertions.fail;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigLoader;
import io.capstream.embedded.KafkaClients;
import io.capstream.schema.TopicSpec;
import io.capstream.schema.registry.SchemaRegistryClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Configs, workers and read_committed readers for the worker integration tests. */
public final class PipelineFixture {
    /** Fetch size of the test readers: room for the largest test record. */
    static final int MAX_FETCH = 20 * 1024 * 1024;

    private PipelineFixture() {}

    /** A config of its own topic prefix (hence application id), two partitions, fast windows. */
    static CapstreamConfig config(String prefix, String... overrides) {
        ConfigLoader l =
                ConfigLoader.builder()
                        .optOverride("topic.prefix=" + prefix)
                        .optOverride("topic.partitions=2")
                        .optOverride("worker.max.batch.delay.ms=20")
                        .optOverride("worker.metrics.window.ms=500")
                        // A killed worker leaves the group after 6 s instead of 45 s.
                        .optOverride("kafka.streams.session.timeout.ms=6000")
                        // A killed worker's open transaction is aborted after 10 s, not 30 s.
                        .optOverride("kafka.streams.producer.transaction.timeout.ms=10000");
        for (String o : overrides) {
            l.optOverride(o);
        }
        return l.build();
    }

    static CaptionWorker worker(
            CapstreamConfig cfg,
            String bootstrap,
            SchemaRegistryClient registry,
            long modelDelayMs) {
        return CaptionWorker.builder()
                .setConfig(cfg)
                .setBootstrapServers(bootstrap)
                .setRegistry(registry)
                .setModels(TestModels.create(modelDelayMs))
                .build();
    }

    /** Starts the worker and waits until its stream runs. */
    static CaptionWorker started(CaptionWorker w) throws InterruptedException {
        w.start();
        if (!w.awaitRunning(Duration.ofSeconds(90))) {
            fail("worker did not reach RUNNING within 90 s; state " + w.state());
        }
        return w;
    }

    /** Polls {@code condition} until it holds, failing with {@code what} at the deadline. */
    static void await(BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Reads the committed records of {@code topic} from the start: at least {@code atLeast}
     * (failing at the deadline otherwise), then on to the current end, so records beyond the
     * expected count are seen too.
     */
    public static <V> List<ConsumerRecord<String, V>> readCommitted(
            String bootstrap, TopicSpec<String, V> topic, int atLeast, Duration timeout) {
        Map<String, Object> c = new HashMap<>(KafkaClients.consumerConfig(bootstrap, MAX_FETCH));
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer =
                new KafkaConsumer<>(
                        c, new StringDeserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> parts =
                    consumer.partitionsFor(topic.name()).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition()))
                            .toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            if (out.size() < atLeast) {
                fail(
                        "expected at least "
                                + atLeast
                                + " committed records on "
                                + topic.name()
                                + " but read "
                                + out.size()
                                + " within "
                                + timeout.toSeconds()
                                + " s");
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline + 10_000_000_000L) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
