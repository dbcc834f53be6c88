package io.capstream.trainer;

import io.capstream.training.TrainingSample;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the trainer holds for one model between rounds: the replay window of training samples, the
 * held-out slice, and the offsets of records read but not yet committed (learned from only in
 * memory so far). Owned by the poll thread.
 */
final class ModelLane {
    final String model;
    final String topic;
    final boolean pairs;
    final int imageSize;
    final ReplayWindow replay;
    final ReplayWindow heldOut;
    final HeldOutFile heldOutFile;

    /** Next offset to commit per partition, for records read since the last commit. */
    private final Map<TopicPartition, Long> uncommitted = new HashMap<>();

    private int newTraining;
    private int newHeldOut;
    private long oldestUncommittedMs = -1;
    private boolean heldOutChanged;

    ModelLane(
            String model,
            String topic,
            boolean pairs,
            int imageSize,
            int replayCapacity,
            int heldOutCapacity,
            HeldOutFile heldOutFile) {
        this.model = model;
        this.topic = topic;
        this.pairs = pairs;
        this.imageSize = imageSize;
        this.replay = new ReplayWindow(replayCapacity);
        this.heldOut = new ReplayWindow(heldOutCapacity);
        this.heldOutFile = heldOutFile;
    }

    /** A record was read: its offset becomes committable with the next round (or commit). */
    void read(TopicPartition tp, long offset, long nowMs) {
        uncommitted.merge(tp, offset + 1, Math::max);
        if (oldestUncommittedMs < 0) {
            oldestUncommittedMs = nowMs;
        }
    }

    void addTraining(TrainingSample s) {
        replay.add(s);
        newTraining++;
    }

    void addHeldOut(TrainingSample s) {
        heldOut.add(s);
        newHeldOut++;
        heldOutChanged = true;
    }

    /** Whether a round is due: enough new training events, or some that waited long enough. */
    boolean roundDue(long nowMs, int minEvents, long maxWaitMs) {
        if (newTraining == 0 || replay.size() < 2) {
            return false; // a contrastive batch needs two different samples
        }
        return newTraining >= minEvents || nowMs - oldestUncommittedMs >= maxWaitMs;
    }

    /**
     * Whether only records that need no training (dead letters, held-out examples) wait for a
     * commit, and have waited long enough: they are committed without a round.
     */
    boolean commitWithoutRoundDue(long nowMs, long maxWaitMs) {
        return newTraining == 0
                && !uncommitted.isEmpty()
                && nowMs - oldestUncommittedMs >= maxWaitMs;
    }

    /** The offsets a commit now would cover. */
    Map<TopicPartition, OffsetAndMetadata> offsets() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        uncommitted.forEach((tp, o) -> out.put(tp, new OffsetAndMetadata(o)));
        return out;
    }

    /** The state a round starts from, taken on the poll thread. */
    RoundInput roundInput() {
        return new RoundInput(
                replay.snapshot(), heldOut.snapshot(), newTraining, newHeldOut, offsets());
    }

    /** What one round trains and validates on, and which offsets it covers. */
    record RoundInput(
            List<TrainingSample> train,
            List<TrainingSample> heldOut,
            int newTraining,
            int newHeldOut,
            Map<TopicPartition, OffsetAndMetadata> offsets) {}

    /** Saves the held-out slice if it changed since the last save. */
    void saveHeldOut() throws java.io.IOException {
        if (heldOutChanged) {
            heldOutFile.write(heldOut.snapshot());
            heldOutChanged = false;
        }
    }

    /** The given offsets were committed: forget them and the counts they stood for. */
    void committed(Map<TopicPartition, OffsetAndMetadata> offsets, int training, int held) {
        offsets.forEach(
                (tp, o) -> {
                    Long pending = uncommitted.get(tp);
                    if (pending != null && pending <= o.offset()) {
                        uncommitted.remove(tp);
                    }
                });
        newTraining = Math.max(0, newTraining - training);
        newHeldOut = Math.max(0, newHeldOut - held);
        if (uncommitted.isEmpty()) {
            oldestUncommittedMs = -1;
        }
    }

    /**
     * Partitions were taken away: their uncommitted records will be read again by whoever gets them
     * (the samples stay in the windows; a re-read replaces them by id).
     */
    void revoked(Set<TopicPartition> partitions) {
        partitions.forEach(uncommitted::remove);
        if (uncommitted.isEmpty()) {
            newTraining = 0;
            newHeldOut = 0;
            oldestUncommittedMs = -1;
        }
    }

    int newTraining() {
        return newTraining;
    }

    int newHeldOut() {
        return newHeldOut;
    }
}
