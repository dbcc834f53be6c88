package io.capstream.worker;

import io.capstream.schema.TopicSpec;
import io.capstream.schema.avro.WorkerMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one {@link WorkerMetrics} record per window to the metrics topic, keyed by worker id,
 * and hands it to the listeners (the demo's live view). Metrics are not part of the exactly-once
 * output, so they use a plain producer of their own; a lost window costs nothing but a gap.
 */
final class MetricsReporter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetricsReporter.class);

    private final WorkerStats stats;
    private final String workerId;
    private final String fallbackModel;
    private final TopicSpec<String, WorkerMetrics> topic;
    private final KafkaProducer<String, WorkerMetrics> producer;
    private final List<Consumer<WorkerMetrics>> listeners;
    private final ScheduledExecutorService timer;
    private Instant windowStart = Instant.now();

    MetricsReporter(
            WorkerStats stats,
            String workerId,
            String fallbackModel,
            TopicSpec<String, WorkerMetrics> topic,
            Properties producerSettings,
            List<Consumer<WorkerMetrics>> listeners,
            Duration window) {
        this.stats = stats;
        this.workerId = workerId;
        this.fallbackModel = fallbackModel;
        this.topic = topic;
        this.listeners = List.copyOf(listeners);
        this.producer =
                new KafkaProducer<>(
                        producerSettings, new StringSerializer(), topic.valueSerde().serializer());
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "capstream-metrics");
                            t.setDaemon(true);
                            return t;
                        });
        long ms = window.toMillis();
        timer.scheduleAtFixedRate(this::report, ms, ms, TimeUnit.MILLISECONDS);
    }

    private synchronized void report() {
        Instant end = Instant.now();
        WorkerMetrics m =
                MetricsWindow.toRecord(stats.roll(), workerId, windowStart, end, fallbackModel);
        windowStart = end;
        try {
            producer.send(
                    new ProducerRecord<>(topic.name(), workerId, m),
                    (meta, e) -> {
                        if (e != null) {
                            log.warn("metrics window not published: {}", e.toString());
                        }
                    });
        } catch (RuntimeException e) {
            log.warn("metrics window not published: {}", e.toString());
        }
        for (Consumer<WorkerMetrics> l : listeners) {
            try {
                l.accept(m);
            } catch (RuntimeException e) {
                log.warn("metrics listener failed: {}", e.toString());
            }
        }
    }

    /** Publishes the last (partial) window and stops. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        report();
        producer.close(Duration.ofSeconds(5));
    }
}
