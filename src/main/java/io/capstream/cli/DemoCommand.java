package io.capstream.cli;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code capstream demo}, the README's main command: the whole system streaming on one machine.
 * {@code --offline} instead runs the Kafka-free dataset + baseline + evaluation demo.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Stream for --duration seconds: start an embedded Kafka broker and schema registry"
                    + " (or use the configured ones), create the topics, run a worker on the"
                    + " shipped decider and iba-cd checkpoints, feed it synthetic image pairs and"
                    + " toon images at a steady rate plus a few corrupt events (they go to the"
                    + " dead-letter topic), show each caption beside a reference caption and a"
                    + " metrics line every few seconds, then print a summary: counts, dead letters"
                    + " by reason, throughput, end-to-end latency p50/p95/p99, BLEU-4 and CIDEr-D.",
            "Ctrl-C stops early, with the summary; nothing is left running.",
            "--offline: generate small datasets, caption their test split with the"
                    + " most-frequent-caption baseline and evaluate it, without Kafka."
        })
public final class DemoCommand implements Callable<Integer> {
    @Mixin ConfigOptions config;

    @Option(
            names = "--duration",
            defaultValue = "60",
            paramLabel = "S",
            description = "Seconds to stream (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(
            names = "--rate",
            defaultValue = "2",
            paramLabel = "N",
            description =
                    "Events per second of each kind, pairs and toons (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--corrupt",
            defaultValue = "1",
            paramLabel = "N",
            description =
                    "Rounds of corrupt events (one bad-bytes image, one wrong magic byte, one pair"
                            + " size mismatch per round; default: ${DEFAULT-VALUE}).")
    int corrupt;

    @Option(
            names = "--seed",
            defaultValue = "2026",
            description = "Scene seed of the synthetic feed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--offline",
            description = "Run the Kafka-free dataset + baseline + evaluation demo instead.")
    boolean offline;

    @Option(
            names = "--out",
            defaultValue = "target/demo",
            description = "--offline: working directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--pairs",
            defaultValue = "500",
            description = "--offline: CLEVR-Change-like scenes (default: ${DEFAULT-VALUE}).")
    int pairs;

    @Option(
            names = "--images",
            defaultValue = "500",
            description = "--offline: toon images (default: ${DEFAULT-VALUE}).")
    int images;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (offline) {
            return OfflineDemo.run(out, pairs, images, seed, spec.commandLine().getOut());
        }
        if (!(duration > 0)) {
            throw new UserInputException("--duration must be > 0, got " + duration);
        }
        if (!(rate > 0)) {
            throw new UserInputException("--rate must be > 0, got " + rate);
        }
        if (corrupt < 0) {
            throw new UserInputException("--corrupt must be >= 0, got " + corrupt);
        }
        CapstreamConfig cfg = config.load(demoDefaults().toArray(new String[0]));
        new StreamingDemo(
                        cfg,
                        new StreamingDemo.Options(
                                Duration.ofMillis((long) (duration * 1000)),
                                rate,
                                corrupt,
                                64,
                                seed,
                                Path.of(System.getProperty("java.io.tmpdir"), "capstream-spool")),
                        Captioners::openShipped,
                        spec.commandLine().getOut())
                .run();
        return 0;
    }

    /** A metrics line every 3 s; the user's file and --set still win. */
    private static List<String> demoDefaults() {
        List<String> d = new ArrayList<>();
        d.add(ConfigKeys.METRICS_WINDOW_MS.name() + "=3000");
        return d;
    }
}
