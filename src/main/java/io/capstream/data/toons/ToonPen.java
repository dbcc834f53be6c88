package io.capstream.data.toons;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * Draws cartoon parts in a character's own coordinates (foot at the origin, height 1, y pointing
 * down, facing +x) with a dark outline of constant pixel width, and remembers the pixel bounds of
 * the body parts it drew.
 */
final class ToonPen {
    static final Color OUTLINE = new Color(34, 30, 40);

    private final Graphics2D g;
    private final float outline;
    private Rectangle2D bounds;

    /**
     * @param g graphics already transformed into the character's coordinates
     * @param pixelsPerUnit how many pixels one unit (the character height) spans
     */
    ToonPen(Graphics2D g, double pixelsPerUnit) {
        this.g = g;
        this.outline = (float) (Math.max(0.9, pixelsPerUnit * 0.05) / pixelsPerUnit);
    }

    Graphics2D graphics() {
        return g;
    }

    /** Pixel bounds of every body part drawn so far (not of effects like shadows or notes). */
    Rectangle2D bounds() {
        return bounds == null ? new Rectangle2D.Double() : bounds;
    }

    /** A filled body part with the dark outline. */
    void part(Shape shape, Color fill) {
        g.setColor(fill);
        g.fill(shape);
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(outline, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
        track(shape);
    }

    /** A straight limb: a thick stroke in the body colour with the outline around it. */
    void limb(double x1, double y1, double x2, double y2, double width, Color fill) {
        limb(new Line2D.Double(x1, y1, x2, y2), width, fill);
    }

    /** A limb along any path (a curled tail). */
    void limb(Shape path, double width, Color fill) {
        g.setColor(OUTLINE);
        g.setStroke(
                new BasicStroke(
                        (float) width + 2 * outline,
                        BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.setColor(fill);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        track(new BasicStroke((float) width + 2 * outline).createStrokedShape(path));
    }

    /** A plain stroke (whiskers, closed eyes, motion marks) in a given colour. */
    void stroke(Shape shape, double width, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
    }

    /** A filled dot without outline (eyes, nose). */
    void dot(double x, double y, double r, Color color) {
        g.setColor(color);
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
    }

    /** A filled shape without outline. */
    void fill(Shape shape, Color color) {
        g.setColor(color);
        g.fill(shape);
    }

    /** Outline width in character units; effects scale their strokes with it. */
    double outlineWidth() {
        return outline;
    }

    private void track(Shape shape) {
        Rectangle2D b = g.getTransform().createTransformedShape(shape).getBounds2D();
        bounds = bounds == null ? b : bounds.createUnion(b);
    }

    static Ellipse2D ellipse(double cx, double cy, double w, double h) {
        return new Ellipse2D.Double(cx - w / 2, cy - h / 2, w, h);
    }

    static Color mix(Color a, Color b, double t) {
        return new Color(
                (int) Math.round(a.getRed() * (1 - t) + b.getRed() * t),
                (int) Math.round(a.getGreen() * (1 - t) + b.getGreen() * t),
                (int) Math.round(a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    static Color darker(Color c, double f) {
        return new Color((int) (c.getRed() * f), (int) (c.getGreen() * f), (int) (c.getBlue() * f));
    }
}
