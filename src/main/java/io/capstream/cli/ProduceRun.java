package io.capstream.cli;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.producer.EventProducer;
import io.capstream.producer.ImagePayloads;
import io.capstream.producer.Outgoing;
import io.capstream.producer.Pacer;
import io.capstream.schema.ConfiguredTopics;
import io.capstream.schema.TopicAdmin;
import io.capstream.schema.Topics;
import io.capstream.util.Progress;
import io.capstream.util.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * What every {@code produce} command does around its events: connect to the configured cluster,
 * make sure the topics exist as capstream needs them, send at the requested pace with progress on
 * stderr, and print one summary line per topic.
 */
final class ProduceRun implements AutoCloseable {
    private final Cluster cluster;
    private final Topics topics;
    private final EventProducer producer;
    private final ImagePayloads payloads;

    private ProduceRun(CapstreamConfig cfg, Path spoolDir) {
        this.cluster = Cluster.connect(cfg, false);
        try {
            this.topics = ConfiguredTopics.of(cfg, cluster.registry());
            Properties admin = cfg.kafkaProperties("admin");
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
            try (Admin a = Admin.create(admin)) {
                TopicAdmin.ensureTopics(a, topics.all());
            }
            this.producer = new EventProducer(cfg, cluster.bootstrapServers());
            this.payloads = new ImagePayloads(cfg.get(ConfigKeys.INLINE_IMAGE_MAX_BYTES), spoolDir);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    static ProduceRun open(ConfigOptions options, Path spoolDir) {
        return new ProduceRun(options.load(), spoolDir);
    }

    Topics topics() {
        return topics;
    }

    ImagePayloads payloads() {
        return payloads;
    }

    /**
     * Sends {@code total} events from {@code next} at {@code perSecond} (0: as fast as possible)
     * and prints how many went to each topic.
     */
    void send(
            String label, long total, double perSecond, Supplier<Outgoing<?>> next, PrintWriter out)
            throws InterruptedException {
        if (perSecond < 0) {
            throw new UserInputException("--rate must be >= 0, got " + perSecond);
        }
        Pacer pacer = new Pacer(perSecond);
        Map<String, Long> perTopic = new TreeMap<>();
        long start = System.nanoTime();
        try (Progress progress = new Progress(label, total)) {
            for (long i = 0; i < total; i++) {
                pacer.awaitNext();
                Outgoing<?> o = next.get();
                o.sendWith(producer);
                perTopic.merge(o.topic().name(), 1L, Long::sum);
                progress.step();
            }
            producer.flush();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        perTopic.forEach(
                (topic, n) ->
                        out.printf(
                                Locale.ROOT,
                                "sent %d events to %s in %.1f s (%.1f/s)%n",
                                n,
                                topic,
                                secs,
                                n / Math.max(secs, 1e-3)));
        out.flush();
    }

    @Override
    public void close() {
        try {
            producer.close();
        } finally {
            cluster.close();
        }
    }
}
