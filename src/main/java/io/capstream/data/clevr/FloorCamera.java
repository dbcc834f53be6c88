package io.capstream.data.clevr;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * Projects floor positions to pixels for an image of a given size: a camera looking down at the
 * floor, so objects further back sit higher in the picture and are drawn smaller. Everything scales
 * with the image side, so a scene looks the same at 64, 128 or 224 pixels.
 */
public final class FloorCamera {
    /** Where the floor meets the backdrop, as a fraction of the image height. */
    static final double HORIZON = 0.31;

    private static final double NEAR_GROUND = 0.91;
    private static final double FAR_GROUND = 0.42;
    private static final double FAR_SCALE = 0.78;
    private static final double FLOOR_WIDTH = 0.86;

    private final int size;

    public FloorCamera(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("image size must be >= 1, was " + size);
        }
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** Perspective scale: 1 at the front of the floor, smaller further back. */
    double scale(double depth) {
        return 1 - (1 - FAR_SCALE) * depth;
    }

    /** The pixel where the object touches the floor (bottom middle of its footprint). */
    public Point2D ground(SceneObject o) {
        double x = size * (0.5 + (o.x() - 0.5) * FLOOR_WIDTH * scale(o.depth()));
        double y = size * (NEAR_GROUND - (NEAR_GROUND - FAR_GROUND) * o.depth());
        return new Point2D.Double(x, y);
    }

    /** The object's radius in pixels (half its width). */
    public double radius(SceneObject o) {
        return size * o.attributes().size().radius() * scale(o.depth());
    }

    /** The pixel at the visual centre of the drawn object. */
    public Point2D center(SceneObject o) {
        Point2D g = ground(o);
        return new Point2D.Double(g.getX(), g.getY() - 1.02 * radius(o));
    }

    /** Radius of a circle around {@link #center} that holds the drawn object. */
    public double extent(SceneObject o) {
        return 1.1 * radius(o);
    }

    /** The box that holds the drawn object, without its shadow. */
    public Rectangle2D bodyBounds(SceneObject o) {
        Point2D g = ground(o);
        double r = radius(o);
        return new Rectangle2D.Double(g.getX() - r, g.getY() - 2.16 * r, 2 * r, 2.16 * r);
    }

    /** The box of every pixel drawing the object can touch, shadow included. */
    public Rectangle2D bounds(SceneObject o) {
        Point2D g = ground(o);
        double r = radius(o);
        Rectangle2D shadow =
                new Rectangle2D.Double(g.getX() - 1.0 * r, g.getY() - 0.8 * r, 2.9 * r, 1.4 * r);
        Rectangle2D box = bodyBounds(o).createUnion(shadow);
        // One pixel of antialiasing fringe on every side.
        return new Rectangle2D.Double(
                box.getX() - 1, box.getY() - 1, box.getWidth() + 2, box.getHeight() + 2);
    }
}
