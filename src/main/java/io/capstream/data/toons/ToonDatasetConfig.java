package io.capstream.data.toons;

import io.capstream.util.UserInputException;
import java.nio.file.Path;

/**
 * What {@link ToonDatasetGenerator} writes. Build with {@link #builder()}; {@link Builder#build()}
 * rejects bad values with a message naming the option.
 *
 * @param images how many images, 1 to {@link #MAX_IMAGES}
 * @param out the dataset directory
 * @param seed the seed every image's generator is derived from
 * @param size image width and height in pixels
 * @param valFraction share of images in the validation split
 * @param testFraction share of images in the test split
 * @param overwrite whether files of an earlier dataset in {@code out} may be replaced
 */
public record ToonDatasetConfig(
        int images,
        Path out,
        long seed,
        int size,
        double valFraction,
        double testFraction,
        boolean overwrite) {
    /** File names have six digits. */
    public static final int MAX_IMAGES = 999_999;

    public static final int MIN_SIZE = 32;
    public static final int MAX_SIZE = 1024;

    public static Builder builder() {
        return new Builder();
    }

    /** Images in the validation split. */
    public int valCount() {
        return (int) Math.round(images * valFraction);
    }

    /** Images in the test split. */
    public int testCount() {
        return (int) Math.round(images * testFraction);
    }

    /** Images in the training split. */
    public int trainCount() {
        return images - valCount() - testCount();
    }

    /** Builds a {@link ToonDatasetConfig}; {@code setX} values are required, {@code optX} not. */
    public static final class Builder {
        private Integer images;
        private Path out;
        private long seed = 1;
        private int size = 64;
        private double valFraction = 0.1;
        private double testFraction = 0.1;
        private boolean overwrite;

        private Builder() {}

        public Builder setImages(int images) {
            this.images = images;
            return this;
        }

        public Builder setOut(Path out) {
            this.out = out;
            return this;
        }

        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder optSize(int size) {
            this.size = size;
            return this;
        }

        public Builder optValFraction(double valFraction) {
            this.valFraction = valFraction;
            return this;
        }

        public Builder optTestFraction(double testFraction) {
            this.testFraction = testFraction;
            return this;
        }

        public Builder optOverwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        /**
         * @throws UserInputException naming the option when a value is missing or out of range
         */
        public ToonDatasetConfig build() {
            if (images == null) {
                throw new UserInputException("--images is required");
            }
            if (images < 1 || images > MAX_IMAGES) {
                throw new UserInputException(
                        "--images must be between 1 and " + MAX_IMAGES + ", was " + images);
            }
            if (out == null) {
                throw new UserInputException("--out is required");
            }
            if (size < MIN_SIZE || size > MAX_SIZE) {
                throw new UserInputException(
                        "--size must be between "
                                + MIN_SIZE
                                + " and "
                                + MAX_SIZE
                                + " pixels, was "
                                + size);
            }
            checkFraction("--val-fraction", valFraction);
            checkFraction("--test-fraction", testFraction);
            ToonDatasetConfig c =
                    new ToonDatasetConfig(
                            images, out, seed, size, valFraction, testFraction, overwrite);
            if (c.trainCount() < 1) {
                throw new UserInputException(
                        "--val-fraction "
                                + valFraction
                                + " and --test-fraction "
                                + testFraction
                                + " leave no training images out of "
                                + images);
            }
            return c;
        }

        private static void checkFraction(String option, double value) {
            if (!(value >= 0 && value < 1)) {
                throw new UserInputException(
                        option + " must be at least 0 and below 1, was " + value);
            }
        }
    }
}
