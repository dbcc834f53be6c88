package io.capstream.cli;

import io.capstream.config.CapstreamConfig;
import io.capstream.model.Captioner;
import io.capstream.producer.SyntheticKind;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code capstream bench pipeline}: how much of the model's speed survives the pipeline. A
 * standalone command class; it is registered under {@code capstream bench}.
 */
@Command(
        name = "pipeline",
        mixinStandardHelpOptions = true,
        description = {
            "Measure, in one run on the shipped checkpoints: captions/s of the model alone (direct"
                    + " Captioner calls) and through the whole pipeline (producer, broker, schema"
                    + " registry, exactly-once worker, read_committed consumer) at the same batch"
                    + " size; end-to-end latency p50/p95/p99 at 50% and 90% of the pipeline's"
                    + " saturation rate; pipeline captions/s with worker.max.batch.size 1.",
            "Uses an embedded broker and registry unless bootstrap.servers and"
                    + " schema.registry.url are set. Prints a markdown table naming the machine;"
                    + " progress on stderr."
        })
public final class BenchPipelineCommand implements Callable<Integer> {
    @Mixin ConfigOptions config;

    @Option(
            names = "--kind",
            defaultValue = "both",
            paramLabel = "KIND",
            description = "pairs (decider), toons (iba-cd) or both (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(
            names = "--events",
            defaultValue = "256",
            paramLabel = "N",
            description = "Events per throughput measurement (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(
            names = "--batch",
            defaultValue = "32",
            paramLabel = "N",
            description = "Batch size of the model and of the worker (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--latency-seconds",
            defaultValue = "15",
            paramLabel = "S",
            description = "Length of each latency measurement (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    "PyTorch intra-op threads (default: DJL's, one per core). On a small machine"
                            + " shared with other work, 1 avoids OpenMP threads waiting for each"
                            + " other.")
    Integer threads;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** How the models are opened; tests replace it. */
    Function<CapstreamConfig, Map<String, Captioner>> models = Captioners::openShipped;

    @Override
    public Integer call() throws Exception {
        List<SyntheticKind> kinds =
                switch (kind.strip().toLowerCase(Locale.ROOT)) {
                    case "pairs" -> List.of(SyntheticKind.PAIRS);
                    case "toons" -> List.of(SyntheticKind.TOONS);
                    case "both" -> List.of(SyntheticKind.PAIRS, SyntheticKind.TOONS);
                    default ->
                            throw new UserInputException(
                                    "--kind must be pairs, toons or both, got '" + kind + "'");
                };
        if (events < 8) {
            throw new UserInputException("--events must be >= 8, got " + events);
        }
        if (batch < 1 || batch > 4096) {
            throw new UserInputException("--batch must be in 1..4096, got " + batch);
        }
        if (latencySeconds < 1) {
            throw new UserInputException("--latency-seconds must be >= 1, got " + latencySeconds);
        }
        CliModels.threads(threads);
        CapstreamConfig cfg = config.load();
        Path spool = Files.createTempDirectory("capstream-bench-spool-");
        try (Cluster cluster = Cluster.connect(cfg, true)) {
            Map<String, Captioner> served = models.apply(cfg);
            try {
                List<PipelineBench.Result> results =
                        new PipelineBench(
                                        config::loadWith,
                                        cluster,
                                        served,
                                        new PipelineBench.Settings(
                                                kinds,
                                                events,
                                                batch,
                                                Duration.ofSeconds(latencySeconds),
                                                64,
                                                2026,
                                                spool),
                                        System.err)
                                .run();
                PrintWriter out = spec.commandLine().getOut();
                PipelineBenchReport.print(out, results, batch, events, cluster.embedded());
            } finally {
                served.values().forEach(Captioner::close);
            }
        } finally {
            deleteQuietly(spool);
        }
        return 0;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // A leftover empty temp directory is harmless.
        }
    }
}
