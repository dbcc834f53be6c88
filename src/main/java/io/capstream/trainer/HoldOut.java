package io.capstream.trainer;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Which labeled events are held out for validation: those whose id hashes (murmur2, the hash of
 * Kafka's default partitioner, so it never changes between versions) into the lowest {@code
 * fraction} of {@value #BUCKETS} buckets. The choice depends on the id alone, so an event is held
 * out on every read, by every trainer instance, before and after a restart, and a re-sent event
 * never moves from validation into training.
 */
public final class HoldOut {
    /** Resolution of the fraction: 0.01 %. */
    static final int BUCKETS = 10_000;

    private final double fraction;
    private final int threshold;

    /**
     * @param fraction share of events held out, in [0, 1]
     */
    public HoldOut(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException(
                    "held-out fraction " + fraction + " is not in [0, 1]");
        }
        this.fraction = fraction;
        this.threshold = (int) Math.round(fraction * BUCKETS);
    }

    /** Whether the event with this id is a validation example. */
    public boolean isHeldOut(String eventId) {
        return bucket(eventId) < threshold;
    }

    /** The event's bucket in [0, {@value #BUCKETS}). */
    static int bucket(String eventId) {
        return Utils.toPositive(Utils.murmur2(eventId.getBytes(StandardCharsets.UTF_8))) % BUCKETS;
    }

    /** The share of events held out. */
    public double fraction() {
        return fraction;
    }
}
