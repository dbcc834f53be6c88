package io.capstream.model.image;

/**
 * An image ready for a model: RGB, resized to {@code size × size}, channel-major floats in [0, 1].
 *
 * @param size side length in pixels
 * @param chw {@code 3 * size * size} values, channel-major (all R, then all G, then all B)
 * @param originalWidth width before resizing
 * @param originalHeight height before resizing
 */
public record ModelImage(int size, float[] chw, int originalWidth, int originalHeight) {
    public ModelImage {
        if (chw.length != 3 * size * size) {
            throw new IllegalArgumentException(
                    "expected "
                            + (3 * size * size)
                            + " values for size "
                            + size
                            + ", got "
                            + chw.length);
        }
    }
}
