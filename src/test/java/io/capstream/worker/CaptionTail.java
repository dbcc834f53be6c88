package io.capstream.worker;

import io.capstream.embedded.KafkaClients;
import io.capstream.schema.TopicSpec;
import io.capstream.schema.avro.CaptionResult;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the committed captions while a test runs, so the test can wait for what a live system
 * shows (e.g. the first caption of a new model version). The final checks re-read the topic.
 */
final class CaptionTail implements AutoCloseable {
    private final Map<String, Integer> versionByEvent = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, CaptionResult> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    CaptionTail(String bootstrap, TopicSpec<String, CaptionResult> captions) {
        Map<String, Object> c =
                new HashMap<>(KafkaClients.consumerConfig(bootstrap, PipelineFixture.MAX_FETCH));
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer =
                new KafkaConsumer<>(
                        c, new StringDeserializer(), captions.valueSerde().deserializer());
        List<TopicPartition> parts =
                consumer.partitionsFor(captions.name()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .toList();
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        thread = new Thread(this::run, "caption-tail");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100))
                        .forEach(
                                r ->
                                        versionByEvent.put(
                                                r.value().getEventId(),
                                                r.value().getModelVersion()));
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** The version that captioned an event, or null while it has no committed caption. */
    Integer version(String eventId) {
        return versionByEvent.get(eventId);
    }

    /** Captions seen so far. */
    int size() {
        return versionByEvent.size();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
