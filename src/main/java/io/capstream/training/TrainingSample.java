package io.capstream.training;

import io.capstream.model.image.ModelImage;
import java.util.List;

/**
 * One training example held in memory: its images (already decoded and resized by {@link
 * io.capstream.model.image.ImagePreprocessor}) stored compactly as bytes, and its reference
 * captions. A training step picks one reference at random.
 *
 * @param id the sample's id (reference ids in validation scores)
 * @param imageSize side of the square images
 * @param images one (IBA-CD) or two (DECIDER: before, after) channel-major RGB images of {@code 3 *
 *     imageSize * imageSize} bytes (0..255)
 * @param captions reference captions, at least one
 */
public record TrainingSample(String id, int imageSize, List<byte[]> images, List<String> captions) {
    public TrainingSample {
        images = List.copyOf(images);
        captions = List.copyOf(captions);
        if (images.isEmpty() || images.size() > 2) {
            throw new IllegalArgumentException(
                    "sample " + id + " has " + images.size() + " images (expected 1 or 2)");
        }
        for (byte[] image : images) {
            if (image.length != 3 * imageSize * imageSize) {
                throw new IllegalArgumentException(
                        "sample "
                                + id
                                + " has an image of "
                                + image.length
                                + " bytes, expected 3 x "
                                + imageSize
                                + " x "
                                + imageSize);
            }
        }
        if (captions.isEmpty()) {
            throw new IllegalArgumentException("sample " + id + " has no captions");
        }
    }

    /**
     * A sample from preprocessed images.
     *
     * @param id the sample id
     * @param images one image or a (before, after) pair, all of the same size
     * @param captions reference captions
     * @return the sample
     */
    public static TrainingSample of(String id, List<ModelImage> images, List<String> captions) {
        int size = images.get(0).size();
        List<byte[]> bytes = images.stream().map(TrainingSample::quantise).toList();
        return new TrainingSample(id, size, bytes, captions);
    }

    /** The images as model inputs (bytes / 255, exactly what the preprocessor produced). */
    public List<ModelImage> modelImages() {
        return images.stream()
                .map(
                        b -> {
                            float[] chw = new float[b.length];
                            for (int i = 0; i < b.length; i++) {
                                chw[i] = (b[i] & 0xff) / 255f;
                            }
                            return new ModelImage(imageSize, chw, imageSize, imageSize);
                        })
                .toList();
    }

    /** Floats in [0, 1] → bytes; exact for images decoded by ImagePreprocessor (k / 255). */
    static byte[] quantise(ModelImage image) {
        float[] chw = image.chw();
        byte[] out = new byte[chw.length];
        for (int i = 0; i < chw.length; i++) {
            out[i] = (byte) Math.round(Math.max(0f, Math.min(1f, chw[i])) * 255f);
        }
        return out;
    }
}
