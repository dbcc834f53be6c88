package io.capstream.data.clevr;

import io.capstream.data.render.Canvas;
import io.capstream.data.render.Shading;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;

/**
 * Renders a {@link Scene} the way CLEVR looks: objects on a light-grey floor in front of a softly
 * lit backdrop, drawn back to front so nearer objects cover farther ones, with soft shadows. A
 * {@link Distractor} shifts the camera and scales the illumination.
 */
public final class ClevrRenderer {
    private static final Color BACKDROP_TOP = new Color(150, 150, 153);
    private static final Color BACKDROP_LOW = new Color(186, 186, 188);
    private static final Color FLOOR_FAR = new Color(197, 197, 198);
    private static final Color FLOOR_NEAR = new Color(222, 222, 222);

    private ClevrRenderer() {}

    /** Draws the scene into a new {@code size}×{@code size} RGB image. */
    public static BufferedImage render(Scene scene, Distractor distractor, int size) {
        BufferedImage image = Canvas.newImage(size);
        Graphics2D g = Canvas.graphics(image);
        g.translate(distractor.shiftX(), distractor.shiftY());
        background(g, size);
        FloorCamera camera = new FloorCamera(size);
        List<SceneObject> backToFront =
                scene.objects().stream()
                        .sorted(
                                Comparator.comparingDouble(SceneObject::depth)
                                        .reversed()
                                        .thenComparingDouble(SceneObject::x))
                        .toList();
        // Shadows first, so a shadow never darkens an object standing in front of it.
        backToFront.forEach(o -> ObjectPainter.shadow(g, camera, o));
        backToFront.forEach(o -> ObjectPainter.paint(g, camera, o));
        g.dispose();
        return distractor.brightness() == 1.0
                ? image
                : Shading.brightness(image, distractor.brightness());
    }

    private static void background(Graphics2D g, int size) {
        // Drawn past the edges so a shifted camera never shows an unpainted border.
        double pad = size * 0.25;
        double top = -pad;
        double height = size + 2 * pad;
        double horizon = size * FloorCamera.HORIZON;
        double blend = size * 0.05;
        // One continuous gradient: backdrop, a soft band where it meets the floor (like CLEVR's
        // seamless studio backdrop), then the floor brightening toward the camera.
        float[] stops = {
            0f,
            (float) ((horizon - blend - top) / height),
            (float) ((horizon + blend - top) / height),
            1f
        };
        g.setPaint(
                new LinearGradientPaint(
                        0f,
                        (float) top,
                        0f,
                        (float) (top + height),
                        stops,
                        new Color[] {BACKDROP_TOP, BACKDROP_LOW, FLOOR_FAR, FLOOR_NEAR}));
        g.fill(new Rectangle2D.Double(-pad, top, size + 2 * pad, height));
    }
}
