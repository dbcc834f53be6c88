package io.capstream.worker;

import io.capstream.schema.avro.ErrorReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counters of one worker across all its stream tasks, read and reset once per metrics window.
 * Thread-safe; the stream threads write, the metrics reporter reads.
 */
public final class WorkerStats {
    /** Upper bounds of the batch-size histogram buckets. */
    static final int[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096};

    private final AtomicInteger buffered = new AtomicInteger();
    private Window window = new Window();

    /** What happened in one window. */
    public static final class Window {
        long eventsIn;
        long captionsOut;
        final List<Double> latenciesMs = new ArrayList<>();
        final long[] batchCounts = new long[BATCH_BUCKETS.length];
        final Map<String, Long> errors = new TreeMap<>();
        String modelName = "";
        int modelVersion;

        public long eventsIn() {
            return eventsIn;
        }

        public long captionsOut() {
            return captionsOut;
        }

        public long errorsOut() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        public Map<String, Long> errorsByReason() {
            return errors;
        }

        public List<Double> latenciesMs() {
            return latenciesMs;
        }

        public long[] batchCounts() {
            return batchCounts;
        }

        public String modelName() {
            return modelName;
        }

        public int modelVersion() {
            return modelVersion;
        }
    }

    synchronized void eventIn() {
        window.eventsIn++;
    }

    synchronized void caption(double endToEndMs, String modelName, int modelVersion) {
        window.captionsOut++;
        window.latenciesMs.add(endToEndMs);
        window.modelName = modelName;
        window.modelVersion = modelVersion;
    }

    synchronized void error(ErrorReason reason) {
        window.errors.merge(reason.name(), 1L, Long::sum);
    }

    synchronized void batch(int size) {
        for (int i = 0; i < BATCH_BUCKETS.length; i++) {
            if (size <= BATCH_BUCKETS[i]) {
                window.batchCounts[i]++;
                return;
            }
        }
        window.batchCounts[BATCH_BUCKETS.length - 1]++;
    }

    void bufferedDelta(int delta) {
        buffered.addAndGet(delta);
    }

    /** Records waiting in micro-batch buffers of this worker right now. */
    public int buffered() {
        return buffered.get();
    }

    /** Returns the current window and starts a new one. */
    public synchronized Window roll() {
        Window w = window;
        window = new Window();
        return w;
    }
}
