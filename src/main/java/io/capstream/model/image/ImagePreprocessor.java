package io.capstream.model.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The one place where images are decoded and resized for the models: training, offline captioning
 * and the worker all go through it, so a picture is seen identically everywhere. Thread-safe.
 */
public final class ImagePreprocessor {
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif", "bmp");

    private final int size;
    private final long maxPixels;

    /**
     * @param size side of the square model input
     * @param maxPixels largest accepted width × height (decompression-bomb guard)
     */
    public ImagePreprocessor(int size, long maxPixels) {
        if (size < 8) {
            throw new IllegalArgumentException("image size must be >= 8, was " + size);
        }
        this.size = size;
        this.maxPixels = maxPixels;
    }

    public int size() {
        return size;
    }

    /** Decodes encoded bytes (PNG, JPEG, GIF, BMP) and resizes them. */
    public ModelImage decode(byte[] encoded) throws InvalidImageException {
        return fromImage(read(encoded));
    }

    /** Decodes both images of a pair, which must have the same size. */
    public ModelImage[] decodePair(byte[] before, byte[] after) throws InvalidImageException {
        BufferedImage b = read(before);
        BufferedImage a = read(after);
        if (b.getWidth() != a.getWidth() || b.getHeight() != a.getHeight()) {
            throw new InvalidImageException(
                    ImageProblem.PAIR_SIZE_MISMATCH,
                    "before image is "
                            + b.getWidth()
                            + "x"
                            + b.getHeight()
                            + " but after image is "
                            + a.getWidth()
                            + "x"
                            + a.getHeight());
        }
        return new ModelImage[] {fromImage(b), fromImage(a)};
    }

    /** Resizes an already decoded image (bilinear, or area-averaging when shrinking a lot). */
    public ModelImage fromImage(BufferedImage src) {
        BufferedImage rgb = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            BufferedImage in = src;
            // Halve first so bilinear never skips source pixels (avoids aliasing of big photos).
            while (in.getWidth() >= 2 * size * 2 && in.getHeight() >= 2 * size * 2) {
                in = halve(in);
            }
            g.drawImage(in, 0, 0, size, size, null);
        } finally {
            g.dispose();
        }
        int n = size * size;
        float[] chw = new float[3 * n];
        int[] px = rgb.getRGB(0, 0, size, size, null, 0, size);
        for (int i = 0; i < n; i++) {
            int p = px[i];
            chw[i] = ((p >> 16) & 0xff) / 255f;
            chw[n + i] = ((p >> 8) & 0xff) / 255f;
            chw[2 * n + i] = (p & 0xff) / 255f;
        }
        return new ModelImage(size, chw, src.getWidth(), src.getHeight());
    }

    private static BufferedImage halve(BufferedImage in) {
        BufferedImage out =
                new BufferedImage(
                        in.getWidth() / 2, in.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    private BufferedImage read(byte[] encoded) throws InvalidImageException {
        if (encoded == null || encoded.length == 0) {
            throw new InvalidImageException(
                    ImageProblem.UNDECODABLE_IMAGE, "image is empty (0 bytes)");
        }
        try (ImageInputStream in =
                ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidImageException(
                        ImageProblem.UNSUPPORTED_FORMAT,
                        "not a PNG, JPEG, GIF or BMP image (first bytes "
                                + hexPrefix(encoded)
                                + ")");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw new InvalidImageException(
                            ImageProblem.UNSUPPORTED_FORMAT, "unsupported image format " + format);
                }
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw new InvalidImageException(
                            ImageProblem.TOO_LARGE,
                            "image has "
                                    + reader.getWidth(0)
                                    + "x"
                                    + reader.getHeight(0)
                                    + " pixels, more than the limit of "
                                    + maxPixels);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO reports truncated data as IOException or IndexOutOfBounds and the like.
            throw new InvalidImageException(
                    ImageProblem.UNDECODABLE_IMAGE,
                    "image cannot be decoded (" + encoded.length + " bytes): " + e.getMessage());
        }
    }

    private static String hexPrefix(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(4, b.length); i++) {
            s.append(String.format("%02x", b[i] & 0xff));
        }
        return s.toString();
    }
}
