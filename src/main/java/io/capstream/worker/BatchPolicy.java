package io.capstream.worker;

import java.time.Duration;

/**
 * When a micro-batch is flushed, like Triton's dynamic batcher: as soon as it holds {@code
 * maxBatchSize} records, or when its oldest record has waited {@code maxBatchDelay}.
 */
public record BatchPolicy(int maxBatchSize, Duration maxBatchDelay) {
    public BatchPolicy {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("max batch size must be >= 1, was " + maxBatchSize);
        }
        if (maxBatchDelay.isNegative()) {
            throw new IllegalArgumentException(
                    "max batch delay must be >= 0, was " + maxBatchDelay);
        }
    }

    /** How often the wall-clock punctuator checks the oldest record's age. */
    public Duration checkInterval() {
        long ms = Math.max(1, Math.min(100, maxBatchDelay.toMillis() / 4));
        return Duration.ofMillis(ms);
    }

    public boolean isFull(int buffered) {
        return buffered >= maxBatchSize;
    }

    public boolean isDue(long oldestArrivalMs, long nowMs) {
        return nowMs - oldestArrivalMs >= maxBatchDelay.toMillis();
    }
}
