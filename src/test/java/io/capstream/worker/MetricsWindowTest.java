package io.capstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capstream.schema.avro.ErrorReason;
import io.capstream.schema.avro.HistogramBucket;
import io.capstream.schema.avro.WorkerMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsWindowTest {
    @Test
    void shouldComputeNearestRankPercentilesWhenLatenciesAreKnown() {
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i + 1;
        }
        assertEquals(50, MetricsWindow.percentile(v, 50));
        assertEquals(95, MetricsWindow.percentile(v, 95));
        assertEquals(99, MetricsWindow.percentile(v, 99));
        assertEquals(7, MetricsWindow.percentile(new double[] {7}, 99));
        assertEquals(0, MetricsWindow.percentile(new double[0], 50));
    }

    @Test
    void shouldSummariseWindowWhenRolled() {
        WorkerStats stats = new WorkerStats();
        for (int i = 1; i <= 20; i++) {
            stats.eventIn();
            stats.caption(i * 10.0, "decider", 3);
        }
        stats.eventIn();
        stats.error(ErrorReason.TOO_LARGE);
        stats.batch(1);
        stats.batch(3);
        stats.batch(4);
        stats.batch(32);
        Instant t0 = Instant.ofEpochSecond(100);
        WorkerMetrics m =
                MetricsWindow.toRecord(stats.roll(), "w1", t0, t0.plusSeconds(10), "none");
        assertEquals(21, m.getEventsIn());
        assertEquals(20, m.getCaptionsOut());
        assertEquals(1, m.getErrorsOut());
        assertEquals(2.0, m.getThroughputPerSec(), 1e-9);
        assertEquals(100.0, m.getLatencyP50Ms());
        assertEquals(190.0, m.getLatencyP95Ms());
        assertEquals(200.0, m.getLatencyP99Ms());
        assertEquals("decider", m.getModelName());
        assertEquals(3, m.getModelVersion());
        assertEquals(
                List.of(
                        new HistogramBucket(1, 1L),
                        new HistogramBucket(4, 2L),
                        new HistogramBucket(32, 1L)),
                m.getBatchSizeHistogram());
        assertEquals(Map.of("TOO_LARGE", 1L), m.getErrorsByReason());
        assertEquals(0, stats.roll().captionsOut(), "roll must start a fresh window");
    }
}
