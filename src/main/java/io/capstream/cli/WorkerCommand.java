package io.capstream.cli;

import io.capstream.config.CapstreamConfig;
import io.capstream.model.Captioner;
import io.capstream.worker.CaptionWorker;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code capstream worker}: captions the image and pair topics until stopped. SIGTERM or Ctrl-C
 * drains the micro-batch buffers, commits and closes; each step is one log line.
 */
@Command(
        name = "worker",
        mixinStandardHelpOptions = true,
        description = {
            "Run a captioning worker: read capstream.images and capstream.image-pairs, caption them"
                    + " with the current iba-cd and decider checkpoints of model.store, write"
                    + " capstream.captions, capstream.dlq and capstream.metrics (exactly once).",
            "Without bootstrap.servers and schema.registry.url it starts an embedded broker and"
                    + " registry on 127.0.0.1 and logs their addresses.",
            "It follows capstream.model-updates: announced checkpoints are loaded, checked and"
                    + " swapped in between batches (worker.model.updates=false turns this off).",
            "SIGTERM or Ctrl-C stops it gracefully: buffered records are captioned first."
        })
public final class WorkerCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(WorkerCommand.class);

    @Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        CapstreamConfig cfg = config.load();
        log.info("config: {}", cfg.describe());
        // Models first: a bad model.store fails before any server starts.
        Map<String, Captioner> models = Captioners.openShipped(cfg);
        Cluster cluster;
        CaptionWorker worker;
        try {
            cluster = Cluster.connect(cfg, true);
        } catch (RuntimeException e) {
            models.values().forEach(Captioner::close);
            throw e;
        }
        try {
            worker =
                    CaptionWorker.builder()
                            .setConfig(cfg)
                            .setBootstrapServers(cluster.bootstrapServers())
                            .setRegistry(cluster.registry())
                            .setModels(models)
                            .build();
        } catch (RuntimeException e) {
            models.values().forEach(Captioner::close);
            cluster.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopRequested = new AtomicBoolean();
        Thread hook =
                new Thread(
                        () -> {
                            stopRequested.set(true);
                            log.info("stop requested (SIGTERM or Ctrl-C)");
                            stop(worker, cluster);
                            stopped.countDown();
                        },
                        "capstream-worker-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        worker.start();
        if (cluster.embedded()) {
            log.info(
                    "produce to this worker with --set bootstrap.servers={} --set"
                            + " schema.registry.url={}",
                    cluster.bootstrapServers(),
                    cluster.embeddedRegistryUrl());
        }
        // Returns when the hook ran, or when the stream died by itself (then nothing drains).
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            KafkaStreams.State s = worker.state();
            if (!stopRequested.get()
                    && (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.NOT_RUNNING)) {
                log.error("worker stream stopped by itself (state {}); exiting", s);
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    return 1; // a SIGTERM came in meanwhile; the hook stops everything
                }
                stop(worker, cluster);
                return 1;
            }
        }
        return 0;
    }

    private static void stop(CaptionWorker worker, Cluster cluster) {
        try {
            worker.close();
        } finally {
            cluster.close();
        }
        log.info("worker exited cleanly");
    }
}
