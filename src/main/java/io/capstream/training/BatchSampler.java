package io.capstream.training;

import java.util.List;
import java.util.Random;

/**
 * Which samples and which reference captions make up each step's batch. Everything is a function of
 * (seed, step): the samples are visited epoch by epoch, each epoch in its own seeded shuffle, and
 * each sample gets one reference caption drawn from the step's own generator (or its most typical
 * one, see {@link CaptionChoice}). So a resumed run sees the same batches as an uninterrupted one,
 * without saving any random-generator state.
 */
final class BatchSampler {
    private final List<TrainingSample> samples;
    private final int batchSize;
    private final long seed;
    private final int[] typical;
    private int cachedEpoch = -1;
    private int[] order;

    BatchSampler(List<TrainingSample> samples, int batchSize, long seed, CaptionChoice choice) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no training samples");
        }
        this.samples = samples;
        this.batchSize = batchSize;
        this.seed = seed;
        this.typical = choice == CaptionChoice.TYPICAL ? CaptionChoice.typical(samples) : null;
    }

    /** One step's batch: the samples and the chosen caption of each. */
    record Batch(List<TrainingSample> samples, List<String> captions) {}

    Batch batch(int step) {
        TrainingSample[] chosen = new TrainingSample[batchSize];
        String[] captions = new String[batchSize];
        Random pick = new Random(mix(seed, 0x9E3779B97F4A7C15L + step));
        long first = (long) step * batchSize;
        for (int i = 0; i < batchSize; i++) {
            long position = first + i;
            int epoch = (int) (position / samples.size());
            int index = order(epoch)[(int) (position % samples.size())];
            TrainingSample s = samples.get(index);
            chosen[i] = s;
            int r = pick.nextInt(s.captions().size()); // drawn either way: same stream for both
            captions[i] = s.captions().get(typical == null ? r : typical[index]);
        }
        return new Batch(List.of(chosen), List.of(captions));
    }

    /** How many passes over the data a number of steps makes. */
    double epochs(int steps) {
        return (double) steps * batchSize / samples.size();
    }

    private int[] order(int epoch) {
        if (epoch != cachedEpoch) {
            int n = samples.size();
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Random r = new Random(mix(seed, epoch));
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            cachedEpoch = epoch;
        }
        return order;
    }

    /** A 64-bit mix (SplitMix64 finaliser) of two values, for independent seeds. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
