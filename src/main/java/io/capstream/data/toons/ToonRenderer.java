package io.capstream.data.toons;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Renders a {@link ToonScene} to an RGB image with Java2D, antialiased. */
public final class ToonRenderer {
    private ToonRenderer() {}

    /**
     * A rendered scene.
     *
     * @param image the picture
     * @param boxes pixel bounds of each figure's body, in {@link ToonScene#figures()} order
     */
    public record Rendered(BufferedImage image, List<Rectangle2D> boxes) {}

    /** Renders {@code scene} as a {@code size}×{@code size} image. */
    public static Rendered render(ToonScene scene, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            BackgroundPainter.paint(
                    g, scene.setting(), size, scene.groundY(), new Random(scene.detailSeed()));
            Color ink = BackgroundPainter.ink(scene.setting());
            List<Rectangle2D> boxes = new ArrayList<>();
            for (Figure f : scene.figures()) {
                boxes.add(CharacterPainter.paint(g, f, scene.groundY(), size, ink).bounds());
            }
            return new Rendered(image, List.copyOf(boxes));
        } finally {
            g.dispose();
        }
    }
}
