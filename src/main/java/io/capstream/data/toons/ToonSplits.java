package io.capstream.data.toons;

import io.capstream.data.Split;
import java.util.Arrays;
import java.util.Random;

/** Assigns images to splits: exact counts from the fractions, positions shuffled by the seed. */
final class ToonSplits {
    private ToonSplits() {}

    static Split[] assign(ToonDatasetConfig config) {
        int n = config.images();
        Split[] splits = new Split[n];
        Arrays.fill(splits, Split.TRAIN);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // a generator of its own, so that the split does not disturb any image's generator
        Random rng = new Random(ToonDatasetGenerator.imageSeed(config.seed(), -1));
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        for (int k = 0; k < config.valCount(); k++) {
            splits[order[k]] = Split.VAL;
        }
        for (int k = 0; k < config.testCount(); k++) {
            splits[order[config.valCount() + k]] = Split.TEST;
        }
        return splits;
    }
}
