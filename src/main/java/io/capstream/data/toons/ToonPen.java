package io.capstream.data.toons;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
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
    private Rectangle2D allBounds;

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

    /** Pixel bounds of every body part drawn so far (not of marks like notes or "z"s). */
    Rectangle2D bounds() {
        return bounds == null ? new Rectangle2D.Double() : bounds;
    }

    /** Pixel bounds of everything drawn so far, marks included. */
    Rectangle2D allBounds() {
        return allBounds == null ? new Rectangle2D.Double() : allBounds;
    }

    /** A filled body part with the dark outline. */
    void part(Shape shape, Color fill) {
        g.setColor(fill);
        g.fill(shape);
        g.setColor(OUTLINE);
        g.setStroke(new BasicStroke(outline, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
        track(shape, outline, true);
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
        track(new BasicStroke((float) width + outline).createStrokedShape(path), outline, true);
    }

    /** A plain stroke (whiskers, closed eyes, motion marks) in a given colour. */
    void stroke(Shape shape, double width, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
        track(shape, width, false);
    }

    /** A filled dot without outline (eyes, nose). */
    void dot(double x, double y, double r, Color color) {
        fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r), color);
    }

    /** A filled shape without outline. */
    void fill(Shape shape, Color color) {
        g.setColor(color);
        g.fill(shape);
        track(shape, 0, false);
    }

    /** Outline width in character units; effects scale their strokes with it. */
    double outlineWidth() {
        return outline;
    }

    /**
     * Unions the tight pixel bounds of {@code shape} (curves flattened, not control points), grown
     * by half the {@code stroke} width drawn around it, into the mark bounds and, for body parts,
     * the body bounds.
     */
    private void track(Shape shape, double stroke, boolean body) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        double[] c = new double[6];
        for (PathIterator it = shape.getPathIterator(g.getTransform(), 0.1);
                !it.isDone();
                it.next()) {
            if (it.currentSegment(c) != PathIterator.SEG_CLOSE) {
                minX = Math.min(minX, c[0]);
                minY = Math.min(minY, c[1]);
                maxX = Math.max(maxX, c[0]);
                maxY = Math.max(maxY, c[1]);
            }
        }
        if (minX > maxX) {
            return;
        }
        double o = stroke * 0.5 * Math.sqrt(Math.abs(g.getTransform().getDeterminant()));
        Rectangle2D b =
                new Rectangle2D.Double(
                        minX - o, minY - o, maxX - minX + 2 * o, maxY - minY + 2 * o);
        allBounds = allBounds == null ? b : allBounds.createUnion(b);
        if (body) {
            bounds = bounds == null ? b : bounds.createUnion(b);
        }
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
