package io.capstream.cli;

import io.capstream.schema.avro.CaptionResult;
import io.capstream.schema.avro.ProcessingError;
import io.capstream.schema.avro.WorkerMetrics;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The demo's live output on stdout: each caption beside one reference caption, each dead letter
 * with its reason, and a metrics line per worker metrics window. One line per event.
 */
final class LiveView {
    private final PrintWriter out;
    private final long startNanos = System.nanoTime();

    LiveView(PrintWriter out) {
        this.out = out;
    }

    synchronized void caption(CaptionResult c, List<String> references) {
        out.printf(
                Locale.ROOT,
                "%6.1fs %-7s %-12s %-11s %-48s | ref: %s (%.0f ms)%n",
                seconds(),
                c.getModelName(),
                c.getSource(),
                c.getEventId(),
                quote(c.getCaption()),
                references.isEmpty() ? "-" : quote(references.get(0)),
                c.getTimings().getEndToEndMs());
        out.flush();
    }

    synchronized void deadLetter(String key, ProcessingError e) {
        out.printf(
                Locale.ROOT,
                "%6.1fs %-7s %-12s %s: %s%n",
                seconds(),
                "DLQ",
                key,
                e.getReason(),
                e.getMessage());
        out.flush();
    }

    synchronized void metrics(WorkerMetrics m, int buffered) {
        String batches =
                m.getBatchSizeHistogram().stream()
                        .map(b -> "<=" + b.getUpperBound() + ":" + b.getCount())
                        .collect(Collectors.joining(" "));
        out.printf(
                Locale.ROOT,
                "%6.1fs metrics in %d, captions %d (%.1f/s), dlq %d, latency p50 %.0f / p95 %.0f /"
                        + " p99 %.0f ms, batches [%s], buffered %d%n",
                seconds(),
                m.getEventsIn(),
                m.getCaptionsOut(),
                m.getThroughputPerSec(),
                m.getErrorsOut(),
                m.getLatencyP50Ms(),
                m.getLatencyP95Ms(),
                m.getLatencyP99Ms(),
                batches,
                buffered);
        out.flush();
    }

    synchronized void note(String line) {
        out.printf(Locale.ROOT, "%6.1fs %s%n", seconds(), line);
        out.flush();
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
