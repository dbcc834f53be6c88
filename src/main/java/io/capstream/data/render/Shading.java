package io.capstream.data.render;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Colour arithmetic and soft-light drawing helpers shared by the synthetic scene renderers. */
public final class Shading {
    private Shading() {}

    /** Multiplies the RGB channels by {@code factor}, clamped to 0..255. */
    public static Color scale(Color c, double factor) {
        return new Color(
                clamp(c.getRed() * factor),
                clamp(c.getGreen() * factor),
                clamp(c.getBlue() * factor));
    }

    /** Linear mix: {@code t = 0} gives {@code a}, {@code t = 1} gives {@code b}. */
    public static Color mix(Color a, Color b, double t) {
        return new Color(
                clamp(a.getRed() + (b.getRed() - a.getRed()) * t),
                clamp(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                clamp(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    /** The colour with alpha {@code opacity} in 0..1. */
    public static Color withAlpha(Color c, double opacity) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), clamp(opacity * 255));
    }

    /** Fills a rectangle with a top-to-bottom linear gradient. */
    public static void verticalGradient(Graphics2D g, Rectangle2D area, Color top, Color bottom) {
        g.setPaint(
                new GradientPaint(
                        0f, (float) area.getMinY(), top, 0f, (float) area.getMaxY(), bottom));
        g.fill(area);
    }

    /**
     * A soft shadow: a black ellipse centred at ({@code cx}, {@code cy}) with radii {@code rx},
     * {@code ry} whose opacity fades from {@code opacity} in the middle to 0 at the rim.
     */
    public static void softShadow(
            Graphics2D g, double cx, double cy, double rx, double ry, double opacity) {
        Color dark = withAlpha(Color.BLACK, opacity);
        Color clear = withAlpha(Color.BLACK, 0);
        Color mid = withAlpha(Color.BLACK, opacity * 0.55);
        fillRadial(
                g,
                cx,
                cy,
                rx,
                ry,
                0,
                0,
                new float[] {0f, 0.55f, 1f},
                new Color[] {dark, mid, clear});
    }

    /**
     * A white glow (specular highlight) of radius {@code r} whose opacity falls from {@code
     * strength} at the centre to 0.
     */
    public static void highlight(Graphics2D g, double cx, double cy, double r, double strength) {
        Color white = withAlpha(Color.WHITE, strength);
        Color half = withAlpha(Color.WHITE, strength * 0.45);
        Color clear = withAlpha(Color.WHITE, 0);
        fillRadial(
                g,
                cx,
                cy,
                r,
                r,
                0,
                0,
                new float[] {0f, 0.35f, 1f},
                new Color[] {white, half, clear});
    }

    /**
     * Fills the ellipse centred at ({@code cx}, {@code cy}) with a radial gradient whose focus is
     * moved by ({@code focusX}, {@code focusY}) in units of the radii (a lit sphere has its focus
     * toward the light).
     */
    public static void fillRadial(
            Graphics2D g,
            double cx,
            double cy,
            double rx,
            double ry,
            double focusX,
            double focusY,
            float[] fractions,
            Color[] colors) {
        AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.scale(rx, ry);
        g.setPaint(
                new RadialGradientPaint(
                        new Point2D.Double(0, 0),
                        1f,
                        new Point2D.Double(focusX, focusY),
                        fractions,
                        colors,
                        CycleMethod.NO_CYCLE));
        g.fill(new Ellipse2D.Double(-1, -1, 2, 2));
        g.setTransform(saved);
    }

    /**
     * A copy of the image with every RGB channel multiplied by {@code factor}, rounded and clamped
     * (an illumination change).
     */
    public static BufferedImage brightness(BufferedImage image, double factor) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            rgb[i] =
                    clamp(((p >> 16) & 0xFF) * factor) << 16
                            | clamp(((p >> 8) & 0xFF) * factor) << 8
                            | clamp((p & 0xFF) * factor);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, rgb, 0, w);
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
