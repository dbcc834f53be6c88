package io.capstream.worker;

import io.capstream.schema.serde.RegistryOutage;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the worker does when a stream thread dies. Under exactly-once the failed task's transaction
 * is aborted, so nothing it did is visible and a replacement thread re-reads the same records. The
 * thread is therefore replaced, after a backoff that doubles per consecutive failure: a schema
 * registry outage (records cannot be read until it is back) is waited out for as long as it lasts;
 * any other error gives up, stopping the worker, after {@code maxFailures} in a row. Each failure
 * is logged as one line.
 */
final class StreamFailureHandler implements StreamsUncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(StreamFailureHandler.class);

    private static final long QUIET_NANOS = 60_000_000_000L;

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxFailures;
    private final BooleanSupplier closing;
    private int consecutive;
    private long lastFailureNanos;

    StreamFailureHandler(
            Duration initialBackoff,
            Duration maxBackoff,
            int maxFailures,
            BooleanSupplier closing) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxFailures = maxFailures;
        this.closing = closing;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable e) {
        long now = System.nanoTime();
        // A thread that ran well for a while since the last failure starts a new series.
        if (consecutive > 0
                && now - lastFailureNanos > Math.max(4 * maxBackoff.toNanos(), QUIET_NANOS)) {
            consecutive = 0;
        }
        lastFailureNanos = now;
        consecutive++;
        boolean outage = RegistryOutage.causedBy(e);
        String thread = Thread.currentThread().getName();
        if (closing.getAsBoolean()) {
            log.warn("stream thread {} failed while the worker closes: {}", thread, root(e));
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        if (!outage && consecutive > maxFailures) {
            log.error(
                    "stream thread {} failed {} times in a row, stopping the worker: {}",
                    thread,
                    consecutive,
                    root(e));
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        long backoffMs = backoff(consecutive).toMillis();
        log.warn(
                "stream thread {} failed ({}; failure {} in a row): {}; uncommitted work is"
                        + " re-read by a new thread in {} ms",
                thread,
                outage ? "schema registry unreachable" : "error",
                consecutive,
                root(e),
                backoffMs);
        pause(backoffMs);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    Duration backoff(int failure) {
        long ms = initialBackoff.toMillis() << Math.min(20, failure - 1);
        return Duration.ofMillis(Math.min(maxBackoff.toMillis(), ms));
    }

    /** Waits on the dying thread, so the replacement starts late; cut short by a close. */
    private void pause(long ms) {
        long end = System.nanoTime() + ms * 1_000_000;
        try {
            while (System.nanoTime() < end && !closing.getAsBoolean()) {
                Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    static String root(Throwable e) {
        Throwable r = e;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        String m = r.getMessage();
        return r.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
