package io.capstream.cli;

import io.capstream.schema.TopicSpec;
import io.capstream.schema.avro.CaptionResult;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches the captions topic as a downstream service would (read_committed) and notes when each
 * caption became visible and how long after its event was sent: the end-to-end latency a consumer
 * of capstream.captions sees, commit interval included.
 */
final class CaptionClock implements AutoCloseable {
    /** When a caption became visible, and its latency from the event's record timestamp. */
    record Seen(long arrivalNanos, double latencyMs) {}

    private final KafkaConsumer<String, CaptionResult> consumer;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private final Thread thread;

    CaptionClock(String bootstrap, TopicSpec<String, CaptionResult> captions) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "capstream-bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer =
                new KafkaConsumer<>(
                        p, new StringDeserializer(), captions.valueSerde().deserializer());
        consumer.subscribe(List.of(captions.name()));
        thread = new Thread(this::run, "bench-caption-clock");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (true) {
                for (ConsumerRecord<String, CaptionResult> r :
                        consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    CaptionResult c = r.value();
                    // The worker's producedAt minus its end-to-end time is the input's timestamp.
                    double sentAt =
                            c.getProducedAt().toEpochMilli() - c.getTimings().getEndToEndMs();
                    seen.put(c.getEventId(), new Seen(System.nanoTime(), now - sentAt));
                }
            }
        } catch (WakeupException stop) {
            // Closing.
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Waits until every id has a caption; false at the deadline. */
    boolean await(Collection<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!seen.keySet().containsAll(ids)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** When the last of {@code ids} became visible. */
    long lastArrival(Collection<String> ids) {
        return ids.stream().mapToLong(id -> seen.get(id).arrivalNanos()).max().orElseThrow();
    }

    /** The latencies of {@code ids}, sorted. */
    double[] latencies(Collection<String> ids) {
        return ids.stream().mapToDouble(id -> seen.get(id).latencyMs()).sorted().toArray();
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
