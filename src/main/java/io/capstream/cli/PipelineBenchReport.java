package io.capstream.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The markdown table of {@code capstream bench pipeline}, with the machine it ran on. */
final class PipelineBenchReport {
    private PipelineBenchReport() {}

    static void print(
            PrintWriter out,
            List<PipelineBench.Result> results,
            int batch,
            int events,
            boolean embedded) {
        out.println("## capstream bench pipeline");
        out.println();
        out.printf(
                Locale.ROOT,
                "Machine: %s, %d cores, %s %s (%s), Java %s; device: %s. Broker and registry: %s."
                        + " %d events per throughput run.%n%n",
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                results.isEmpty() ? "-" : results.get(0).model().device(),
                embedded ? "embedded, same machine" : "configured cluster",
                events);
        StringBuilder header = new StringBuilder("| measurement |");
        StringBuilder rule = new StringBuilder("|---|");
        for (PipelineBench.Result r : results) {
            header.append(
                    String.format(
                            Locale.ROOT,
                            " %s (%s v%d) |",
                            r.kind().id(),
                            r.model().name(),
                            r.model().version()));
            rule.append("---:|");
        }
        out.println(header);
        out.println(rule);
        row(out, results, "model alone, batch " + batch + " (captions/s)", r -> f1(r.modelAlone()));
        row(
                out,
                results,
                "pipeline, worker.max.batch.size " + batch + " (captions/s)",
                r -> f1(r.pipeline()));
        row(
                out,
                results,
                "pipeline / model alone",
                r -> String.format(Locale.ROOT, "%.0f%%", 100 * r.pipeline() / r.modelAlone()));
        row(out, results, "model alone, batch 1 (captions/s)", r -> f1(r.modelAloneBatch1()));
        row(
                out,
                results,
                "pipeline, worker.max.batch.size 1 (captions/s)",
                r -> f1(r.pipelineBatch1()));
        row(
                out,
                results,
                "latency at 50% of saturation, p50 / p95 / p99 (ms)",
                r -> latency(r.at50()));
        row(
                out,
                results,
                "latency at 90% of saturation, p50 / p95 / p99 (ms)",
                r -> latency(r.at90()));
        out.println();
        out.println(
                "Latency: from the event's record timestamp (producer) to its caption being visible"
                        + " to a read_committed consumer (exactly-once commits every 100 ms).");
        out.flush();
    }

    private static void row(
            PrintWriter out,
            List<PipelineBench.Result> results,
            String label,
            Function<PipelineBench.Result, String> cell) {
        StringBuilder sb = new StringBuilder("| ").append(label).append(" |");
        results.forEach(r -> sb.append(' ').append(cell.apply(r)).append(" |"));
        out.println(sb);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String latency(PipelineBench.Latency l) {
        return String.format(
                Locale.ROOT,
                "%.0f / %.0f / %.0f (at %.1f/s, n=%d)",
                l.p50(),
                l.p95(),
                l.p99(),
                l.rate(),
                l.events());
    }

    /** The CPU's model name from /proc/cpuinfo where there is one. */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall through.
        }
        return "unknown CPU";
    }
}
