package io.capstream.worker;

import io.capstream.config.CapstreamConfig;
import io.capstream.schema.registry.RestSchemaRegistryClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A worker in a JVM of its own, for the test that kills one with SIGKILL. Arguments: bootstrap
 * servers, registry URL, topic prefix, max batch size, model delay in ms, state directory. Prints
 * {@code running} once the stream runs and {@code captions N} (cumulative) after every metrics
 * window; never stops by itself.
 */
public final class WorkerProcessMain {
    private WorkerProcessMain() {}

    public static void main(String[] args) throws Exception {
        CapstreamConfig cfg =
                PipelineFixture.config(
                        args[2],
                        "worker.max.batch.size=" + args[3],
                        "worker.metrics.window.ms=100",
                        "worker.state.dir=" + args[5]);
        AtomicLong captions = new AtomicLong();
        CaptionWorker worker =
                CaptionWorker.builder()
                        .setConfig(cfg)
                        .setBootstrapServers(args[0])
                        .setRegistry(RestSchemaRegistryClient.builder().setUrl(args[1]).build())
                        .setModels(TestModels.create(Long.parseLong(args[4])))
                        .optMetricsListener(
                                m -> {
                                    long n = captions.addAndGet(m.getCaptionsOut());
                                    System.out.println("captions " + n);
                                })
                        .build()
                        .start();
        if (!worker.awaitRunning(Duration.ofSeconds(120))) {
            System.out.println("failed " + worker.state());
            System.exit(3);
        }
        System.out.println("running");
        Thread.currentThread().join();
    }
}
