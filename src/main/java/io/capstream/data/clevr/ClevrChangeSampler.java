package io.capstream.data.clevr;

import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Draws the {@link ClevrChangeSample} of one scene index. Each index has its own random stream
 * derived from (seed, index), so a sample does not depend on any other index and indices can be
 * generated in any order or in parallel with identical results.
 */
public final class ClevrChangeSampler {
    private static final int MAX_REDRAWS = 10_000;

    private final long seed;
    private final int imageSize;

    /**
     * @param seed the dataset seed
     * @param imageSize image side in pixels; only the camera-shift distractor depends on it
     */
    public ClevrChangeSampler(long seed, int imageSize) {
        if (imageSize < 1) {
            throw new IllegalArgumentException("image size must be >= 1, was " + imageSize);
        }
        this.seed = seed;
        this.imageSize = imageSize;
    }

    /** The sample of scene {@code index}; the same (seed, index) always gives the same sample. */
    public ClevrChangeSample sample(int index) {
        SplittableRandom random = randomFor(seed, index);
        ChangeType type = ChangeType.SEMANTIC.get(random.nextInt(ChangeType.SEMANTIC.size()));
        for (int i = 0; i < MAX_REDRAWS; i++) {
            Optional<Scene> before = ScenePlacer.randomScene(objectCount(type, random), random);
            if (before.isEmpty()) {
                continue;
            }
            Optional<ChangeSampler.Changed> changed =
                    ChangeSampler.apply(type, before.get(), random);
            if (changed.isEmpty()) {
                continue;
            }
            Distractor semantic = distractor(random);
            Distractor nonSemantic = distractor(random);
            SceneChange change = changed.get().change();
            return new ClevrChangeSample(
                    index,
                    before.get(),
                    changed.get().after(),
                    change,
                    semantic,
                    nonSemantic,
                    ChangeCaptions.sample(change, random),
                    ChangeCaptions.sample(SceneChange.none(), random));
        }
        throw new IllegalStateException("no " + type.id() + " scene fits for index " + index);
    }

    /** 3–7 objects in both pictures: an add starts from at most 6, a drop from at least 4. */
    private static int objectCount(ChangeType type, SplittableRandom random) {
        int min = type == ChangeType.DROP ? ScenePlacer.MIN_OBJECTS + 1 : ScenePlacer.MIN_OBJECTS;
        int max = type == ChangeType.ADD ? ScenePlacer.MAX_OBJECTS - 1 : ScenePlacer.MAX_OBJECTS;
        return min + random.nextInt(max - min + 1);
    }

    /**
     * A camera shift of 1–2 px per 64 px of image side and/or a brightness change of 5–12%, each
     * kind with probability 1/3. The draws do not depend on the image size, so a seed gives the
     * same dataset at every size.
     */
    private Distractor distractor(SplittableRandom random) {
        int kind = random.nextInt(3);
        int dx = 0;
        int dy = 0;
        double brightness = 1.0;
        if (kind != 1) {
            do {
                dx = random.nextInt(5) - 2;
                dy = random.nextInt(5) - 2;
            } while (dx == 0 && dy == 0);
        }
        if (kind != 0) {
            double amount = 0.05 + 0.07 * random.nextDouble();
            brightness =
                    Math.round((random.nextBoolean() ? 1 + amount : 1 - amount) * 1000) / 1000.0;
        }
        return new Distractor(pixels(dx), pixels(dy), brightness);
    }

    private int pixels(int unitsOf64) {
        if (unitsOf64 == 0) {
            return 0;
        }
        long px = Math.round(unitsOf64 * imageSize / 64.0);
        return (int) (px == 0 ? Integer.signum(unitsOf64) : px);
    }

    /** An independent stream per (seed, index): both are mixed so nearby pairs do not collide. */
    static SplittableRandom randomFor(long seed, int index) {
        return new SplittableRandom(mix(mix(seed) + 0x9E3779B97F4A7C15L * (index + 1L)));
    }

    // The 64-bit finalizer of MurmurHash3.
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
