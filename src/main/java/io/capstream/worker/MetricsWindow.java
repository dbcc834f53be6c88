package io.capstream.worker;

import io.capstream.schema.avro.HistogramBucket;
import io.capstream.schema.avro.WorkerMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Turns one {@link WorkerStats.Window} into the {@link WorkerMetrics} record of the metrics topic.
 */
final class MetricsWindow {
    private MetricsWindow() {}

    static WorkerMetrics toRecord(
            WorkerStats.Window w,
            String workerId,
            Instant start,
            Instant end,
            String fallbackModel) {
        double seconds = Math.max(1e-3, (end.toEpochMilli() - start.toEpochMilli()) / 1000.0);
        double[] lat = w.latenciesMs().stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(lat);
        List<HistogramBucket> hist = new ArrayList<>();
        for (int i = 0; i < WorkerStats.BATCH_BUCKETS.length; i++) {
            if (w.batchCounts()[i] > 0) {
                hist.add(new HistogramBucket(WorkerStats.BATCH_BUCKETS[i], w.batchCounts()[i]));
            }
        }
        return WorkerMetrics.newBuilder()
                .setWorkerId(workerId)
                .setModelName(w.modelName().isEmpty() ? fallbackModel : w.modelName())
                .setModelVersion(w.modelVersion())
                .setWindowStart(start)
                .setWindowEnd(end)
                .setEventsIn(w.eventsIn())
                .setCaptionsOut(w.captionsOut())
                .setErrorsOut(w.errorsOut())
                .setThroughputPerSec(w.captionsOut() / seconds)
                .setLatencyP50Ms(percentile(lat, 50))
                .setLatencyP95Ms(percentile(lat, 95))
                .setLatencyP99Ms(percentile(lat, 99))
                .setBatchSizeHistogram(hist)
                .setErrorsByReason(new LinkedHashMap<>(w.errorsByReason()))
                .build();
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
