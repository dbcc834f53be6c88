package io.capstream.cli;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.model.Captioner;
import io.capstream.producer.EventProducer;
import io.capstream.producer.ImagePayloads;
import io.capstream.util.UserInputException;
import io.capstream.worker.CaptionWorker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming demo: broker and registry (embedded unless configured), topics, a worker on the
 * shipped checkpoints, synthetic producers of pairs and toon images with a few corrupt events, a
 * live view, and a summary. Stops after the duration or on Ctrl-C, leaving nothing running.
 */
final class StreamingDemo {
    private static final Logger log = LoggerFactory.getLogger(StreamingDemo.class);

    /** Run options. */
    record Options(
            Duration duration,
            double ratePerKind,
            int corruptRounds,
            int imageSize,
            long seed,
            Path spoolDir) {}

    private final CapstreamConfig cfg;
    private final Options opts;
    private final Function<CapstreamConfig, Map<String, Captioner>> models;
    private final PrintWriter out;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    StreamingDemo(
            CapstreamConfig cfg,
            Options opts,
            Function<CapstreamConfig, Map<String, Captioner>> models,
            PrintWriter out) {
        this.cfg = cfg;
        this.opts = opts;
        this.models = models;
        this.out = out;
    }

    /** Runs the demo to its end; Ctrl-C ends it early, still with a summary and a clean stop. */
    void run() throws InterruptedException {
        Thread hook =
                new Thread(
                        () -> {
                            stopRequested.countDown();
                            try {
                                finished.await(90, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "capstream-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            runWithCluster();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException jvmExiting) {
                // Ctrl-C: the hook is what is waiting for us.
            }
        }
    }

    private void runWithCluster() throws InterruptedException {
        LiveView view = new LiveView(out);
        DemoTally tally = new DemoTally();
        view.note("loading the models, starting the broker and the schema registry ...");
        // Models first: a bad model.store fails before any server starts.
        Map<String, Captioner> served = models.apply(cfg);
        Cluster cluster;
        try {
            cluster = Cluster.connect(cfg, true);
        } catch (RuntimeException e) {
            served.values().forEach(Captioner::close);
            throw e;
        }
        try (cluster) {
            AtomicReference<CaptionWorker> self = new AtomicReference<>();
            CaptionWorker worker =
                    CaptionWorker.builder()
                            .setConfig(cfg)
                            .setBootstrapServers(cluster.bootstrapServers())
                            .setRegistry(cluster.registry())
                            .setModels(served)
                            .optMetricsListener(m -> view.metrics(m, self.get().stats().buffered()))
                            .build();
            self.set(worker);
            double seconds;
            try {
                worker.start();
                if (!worker.awaitRunning(Duration.ofSeconds(120))) {
                    throw new UserInputException(
                            "the demo worker did not start (stream state " + worker.state() + ")");
                }
                view.note(
                        "worker running; producing "
                                + opts.ratePerKind()
                                + " pairs/s and "
                                + opts.ratePerKind()
                                + " toon images/s for "
                                + opts.duration().toSeconds()
                                + " s (Ctrl-C stops early)");
                seconds = produceAndWatch(cluster, worker, tally, view);
            } finally {
                worker.close();
            }
            // After the close, so the last metrics window is not printed below the summary.
            tally.printSummary(out, seconds);
        }
    }

    /** Produces for the run's duration and waits for the answers; returns the seconds taken. */
    private double produceAndWatch(
            Cluster cluster, CaptionWorker worker, DemoTally tally, LiveView view)
            throws InterruptedException {
        long start = System.nanoTime();
        DemoTap tap = new DemoTap(cluster.bootstrapServers(), worker.topics(), tally, view);
        tap.start();
        try (EventProducer producer = new EventProducer(cfg, cluster.bootstrapServers())) {
            DemoFeeds feeds =
                    new DemoFeeds(
                            producer,
                            worker.topics(),
                            new ImagePayloads(
                                    cfg.get(ConfigKeys.INLINE_IMAGE_MAX_BYTES), opts.spoolDir()),
                            opts.seed(),
                            opts.imageSize(),
                            opts.ratePerKind(),
                            opts.corruptRounds(),
                            opts.duration(),
                            tally,
                            view);
            feeds.start();
            boolean interrupted =
                    stopRequested.await(opts.duration().toMillis(), TimeUnit.MILLISECONDS);
            feeds.stop();
            view.note(
                    (interrupted ? "stopped by Ctrl-C" : "duration reached")
                            + ": producers stopped after "
                            + tally.sent()
                            + " events; waiting for the last captions ...");
        }
        // Every event gets a caption or a dead letter: wait for them so the summary is whole.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (tally.answered() < tally.sent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        tap.stop();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (tally.answered() < tally.sent()) {
            log.warn(
                    "{} of {} events got no caption or dead letter in time",
                    tally.sent() - tally.answered(),
                    tally.sent());
        }
        return seconds;
    }
}
