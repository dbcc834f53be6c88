package io.capstream.trainer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of one trainer instance, for logs and tests. Thread-safe. */
public final class TrainerStats {
    private final AtomicLong consumed = new AtomicLong();
    private final AtomicLong training = new AtomicLong();
    private final AtomicLong heldOut = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private final List<Round> rounds = new CopyOnWriteArrayList<>();

    /**
     * One round whose offsets were committed.
     *
     * @param model the model
     * @param version the version written
     * @param previousVersion the version it was fine-tuned from
     * @param published whether it was promoted and announced
     * @param reason why (or why not)
     * @param trainedOnEvents training samples of the round (new and replayed)
     * @param newEvents training events read since the previous round of this instance
     * @param heldOutEvents held-out samples it was validated on
     * @param before the current checkpoint's held-out scores (empty without a held-out slice)
     * @param after the new checkpoint's held-out scores (empty without a held-out slice)
     */
    public record Round(
            String model,
            int version,
            int previousVersion,
            boolean published,
            String reason,
            int trainedOnEvents,
            int newEvents,
            int heldOutEvents,
            Map<String, Double> before,
            Map<String, Double> after) {}

    void read(LabeledRecords.Outcome o, boolean held) {
        consumed.incrementAndGet();
        if (o instanceof LabeledRecords.Rejected) {
            deadLettered.incrementAndGet();
        } else if (held) {
            heldOut.incrementAndGet();
        } else {
            training.incrementAndGet();
        }
    }

    void committed() {
        commits.incrementAndGet();
    }

    void round(Round r) {
        rounds.add(r);
    }

    /** Labeled records read (every outcome). */
    public long consumed() {
        return consumed.get();
    }

    /** Records accepted as training examples. */
    public long training() {
        return training.get();
    }

    /** Records accepted as held-out examples. */
    public long heldOut() {
        return heldOut.get();
    }

    /** Records sent to the dead-letter topic. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Offset commits (after rounds, or of records that needed no round). */
    public long commits() {
        return commits.get();
    }

    /** The rounds whose offsets were committed, in order. */
    public List<Round> rounds() {
        return List.copyOf(rounds);
    }
}
