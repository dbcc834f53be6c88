package io.capstream.data.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Creates RGB images and antialiased, quality-first graphics contexts for synthetic scenes. */
public final class Canvas {
    private Canvas() {}

    /** A new opaque RGB image of {@code size}×{@code size} pixels. */
    public static BufferedImage newImage(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("image size must be >= 1, was " + size);
        }
        return new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    }

    /**
     * A graphics context with antialiasing and quality rendering on. Java2D software rendering into
     * a {@link BufferedImage} is deterministic, so the same drawing calls give the same pixels.
     */
    public static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(
                RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(
                RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        // Dithering would add pattern noise that differs between gradient sizes; keep pixels clean.
        g.setRenderingHint(RenderingHints.KEY_DITHERING, RenderingHints.VALUE_DITHER_DISABLE);
        return g;
    }
}
