package io.capstream.cli;

import io.capstream.eval.CaptionScorer;
import io.capstream.eval.Metric;
import io.capstream.eval.Scores;
import io.capstream.producer.FaultyEvents;
import io.capstream.producer.SyntheticKind;
import io.capstream.schema.avro.CaptionResult;
import io.capstream.schema.avro.ProcessingError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the streaming demo produced and got back, and its closing summary: counts, dead letters by
 * reason, throughput, end-to-end latency percentiles and caption quality against the generator's
 * references. Thread-safe: the feeds, the tap and the main thread all write to it.
 */
final class DemoTally {
    private final Map<String, List<String>> references = new ConcurrentHashMap<>();
    private final Map<String, SyntheticKind> kinds = new ConcurrentHashMap<>();
    private final Map<SyntheticKind, Long> produced = new EnumMap<>(SyntheticKind.class);
    private final Map<FaultyEvents.Fault, Long> corrupt = new EnumMap<>(FaultyEvents.Fault.class);
    private final Map<String, String> hyps = new LinkedHashMap<>();
    private final Map<String, Long> captionsByModel = new TreeMap<>();
    private final Map<String, Long> deadByReason = new TreeMap<>();
    private final List<Double> latencies = new ArrayList<>();
    private long firstProducedNanos = -1;
    private long lastOutputNanos;

    /** Called before an event is sent, so its caption always finds its references. */
    synchronized void produced(SyntheticKind kind, String id, List<String> refs) {
        references.put(id, refs);
        kinds.put(id, kind);
        produced.merge(kind, 1L, Long::sum);
        if (firstProducedNanos < 0) {
            firstProducedNanos = System.nanoTime();
        }
    }

    synchronized void corrupt(FaultyEvents.Fault fault) {
        corrupt.merge(fault, 1L, Long::sum);
    }

    /** References of an event, or empty for an event this demo did not produce. */
    List<String> references(String eventId) {
        return references.getOrDefault(eventId, List.of());
    }

    synchronized void caption(CaptionResult c) {
        hyps.put(c.getEventId(), c.getCaption());
        captionsByModel.merge(c.getModelName(), 1L, Long::sum);
        latencies.add(c.getTimings().getEndToEndMs());
        lastOutputNanos = System.nanoTime();
    }

    synchronized void deadLetter(ProcessingError e) {
        deadByReason.merge(e.getReason().name(), 1L, Long::sum);
        lastOutputNanos = System.nanoTime();
    }

    /** Events sent (valid and corrupt). */
    synchronized long sent() {
        return produced.values().stream().mapToLong(Long::longValue).sum()
                + corrupt.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Captions and dead letters received. */
    synchronized long answered() {
        return hyps.size() + deadByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Prints the summary (after the feeds and the tap stopped). */
    synchronized void printSummary(PrintWriter out, double runSeconds) {
        Map<String, String> hypsCopy = new LinkedHashMap<>(hyps);
        double[] lat = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double window =
                firstProducedNanos < 0 || lastOutputNanos <= firstProducedNanos
                        ? runSeconds
                        : (lastOutputNanos - firstProducedNanos) / 1e9;
        long valid = produced.values().stream().mapToLong(Long::longValue).sum();
        long bad = corrupt.values().stream().mapToLong(Long::longValue).sum();
        long dead = deadByReason.values().stream().mapToLong(Long::longValue).sum();
        out.println();
        out.printf(Locale.ROOT, "== capstream demo summary (%.1f s)%n", runSeconds);
        out.printf(
                Locale.ROOT,
                "events produced    : %d (%d image pairs, %d toon images) + %d corrupt %s%n",
                valid + bad,
                produced.getOrDefault(SyntheticKind.PAIRS, 0L),
                produced.getOrDefault(SyntheticKind.TOONS, 0L),
                bad,
                corrupt);
        out.printf(Locale.ROOT, "captions           : %d %s%n", hypsCopy.size(), captionsByModel);
        out.printf(Locale.ROOT, "dead-letter records: %d %s%n", dead, deadByReason);
        out.printf(
                Locale.ROOT,
                "throughput         : %.2f captions/s over %.1f s%n",
                hypsCopy.size() / Math.max(window, 1e-3),
                window);
        out.printf(
                Locale.ROOT,
                "end-to-end latency : p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n",
                percentile(lat, 50),
                percentile(lat, 95),
                percentile(lat, 99));
        for (SyntheticKind k : SyntheticKind.values()) {
            Map<String, List<String>> refs = new LinkedHashMap<>();
            Map<String, String> h = new LinkedHashMap<>();
            hypsCopy.forEach(
                    (id, cap) -> {
                        if (kinds.get(id) == k) {
                            refs.put(id, references.get(id));
                            h.put(id, cap);
                        }
                    });
            if (h.isEmpty()) {
                continue;
            }
            Scores s = new CaptionScorer().score(refs, h);
            out.printf(
                    Locale.ROOT,
                    "quality, %-5s      : BLEU-4 %.3f, CIDEr-D %.3f over %d captions (vs the"
                            + " generator's references)%n",
                    k.id(),
                    s.corpus(Metric.BLEU_4),
                    s.corpus(Metric.CIDER_D),
                    h.size());
        }
        out.flush();
    }

    /** Nearest-rank percentile of sorted values; 0 when there are none. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
