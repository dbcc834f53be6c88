package io.capstream.cli;

import io.capstream.schema.Topics;
import io.capstream.schema.avro.CaptionResult;
import io.capstream.schema.avro.ProcessingError;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the worker committed (captions and dead letters, read_committed) as a downstream
 * service would, and feeds the live view and the tally.
 */
final class DemoTap {
    private static final Logger log = LoggerFactory.getLogger(DemoTap.class);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Topics topics;
    private final DemoTally tally;
    private final LiveView view;
    private final Thread thread;

    DemoTap(String bootstrap, Topics topics, DemoTally tally, LiveView view) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "capstream-demo-view-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.tally = tally;
        this.view = view;
        this.thread = new Thread(this::run, "demo-tap");
        this.thread.setDaemon(true);
    }

    void start() {
        consumer.subscribe(List.of(topics.captions().name(), topics.dlq().name()));
        thread.start();
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    handle(r);
                }
            }
        } catch (WakeupException stop) {
            // Closing.
        } catch (RuntimeException e) {
            log.error("demo view stopped: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r) {
        if (r.topic().equals(topics.captions().name())) {
            CaptionResult c =
                    topics.captions().valueSerde().deserializer().deserialize(r.topic(), r.value());
            tally.caption(c);
            view.caption(c, tally.references(c.getEventId()));
        } else {
            ProcessingError e =
                    topics.dlq().valueSerde().deserializer().deserialize(r.topic(), r.value());
            tally.deadLetter(e);
            view.deadLetter(r.key(), e);
        }
    }

    void stop() throws InterruptedException {
        consumer.wakeup();
        thread.join(10_000);
    }
}
