package io.capstream.trainer;

import io.capstream.training.TrainingSample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded set of training samples, oldest first: adding one beyond the capacity evicts the
 * oldest, and adding an id that is already there replaces it as the newest (a re-sent event is
 * trained on once, with its latest labels). A round trains on the whole window, so recent examples
 * are replayed next to new ones and a round on a few new events does not forget the rest. Not
 * thread-safe.
 */
public final class ReplayWindow {
    private final int capacity;
    private final LinkedHashMap<String, TrainingSample> samples = new LinkedHashMap<>();
    private long evicted;

    /**
     * @param capacity the most samples kept (≥ 1)
     */
    public ReplayWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("replay capacity " + capacity + " must be ≥ 1");
        }
        this.capacity = capacity;
    }

    /**
     * Adds a sample as the newest, replacing one of the same id.
     *
     * @param sample the sample
     * @return true if its id was new to the window
     */
    public boolean add(TrainingSample sample) {
        boolean fresh = samples.remove(sample.id()) == null;
        samples.put(sample.id(), sample);
        while (samples.size() > capacity) {
            Map.Entry<String, TrainingSample> eldest = samples.entrySet().iterator().next();
            samples.remove(eldest.getKey());
            evicted++;
        }
        return fresh;
    }

    /** The samples, oldest first. */
    public List<TrainingSample> snapshot() {
        return List.copyOf(samples.values());
    }

    /** Whether a sample of this id is in the window. */
    public boolean contains(String id) {
        return samples.containsKey(id);
    }

    public int size() {
        return samples.size();
    }

    public int capacity() {
        return capacity;
    }

    /** How many samples were pushed out by newer ones so far. */
    public long evicted() {
        return evicted;
    }
}
