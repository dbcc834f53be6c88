package io.capstream.data.toons;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;

/**
 * How much room each pose takes around its foot point, in character heights, for a character facing
 * right. Measured once by drawing every pose, so the layout never disagrees with the drawing.
 *
 * @param left body room behind
 * @param right body room in front
 * @param marksLeft room behind, marks such as motion lines included
 * @param marksRight room in front, marks included
 * @param top room above the foot point, marks such as notes and "z"s included
 */
record Extents(double left, double right, double marksLeft, double marksRight, double top) {
    private static final Map<Kind, Map<Action, Extents>> MEASURED = measure();

    static Extents of(Actor actor) {
        return MEASURED.get(actor.kind()).get(actor.action());
    }

    /** Body room towards the image's left edge, for a character facing right or not. */
    double leftOf(boolean facingRight) {
        return facingRight ? left : right;
    }

    /** Body room towards the image's right edge. */
    double rightOf(boolean facingRight) {
        return facingRight ? right : left;
    }

    /** How far marks reach past the body towards the image's left edge. */
    double marksPastLeft(boolean facingRight) {
        return Math.max(0, facingRight ? marksLeft - left : marksRight - right);
    }

    /** How far marks reach past the body towards the image's right edge. */
    double marksPastRight(boolean facingRight) {
        return Math.max(0, facingRight ? marksRight - right : marksLeft - left);
    }

    private static Map<Kind, Map<Action, Extents>> measure() {
        double size = 400;
        double scale = 0.25;
        double unit = size * scale;
        Map<Kind, Map<Action, Extents>> out = new EnumMap<>(Kind.class);
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            for (Kind k : Kind.values()) {
                Map<Action, Extents> byAction = new EnumMap<>(Action.class);
                for (Action a : k.actions()) {
                    Figure f =
                            new Figure(new Actor(k, Colour.RED, a), false, 0.5, 0.5, scale, true);
                    ToonPen pen = CharacterPainter.paint(g, f, 0.5, size, Color.BLACK);
                    Rectangle2D body = pen.bounds();
                    Rectangle2D all = pen.allBounds();
                    double foot = size * 0.5;
                    byAction.put(
                            a,
                            new Extents(
                                    (foot - body.getMinX()) / unit,
                                    (body.getMaxX() - foot) / unit,
                                    (foot - all.getMinX()) / unit,
                                    (all.getMaxX() - foot) / unit,
                                    (foot - all.getMinY()) / unit));
                }
                out.put(k, byAction);
            }
        } finally {
            g.dispose();
        }
        return out;
    }
}
