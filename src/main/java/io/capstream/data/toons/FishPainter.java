package io.capstream.data.toons;

import static io.capstream.data.toons.ToonPen.ellipse;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;

/** Draws a fish in profile (mouth towards +x, belly at the origin). */
final class FishPainter {
    private FishPainter() {}

    static void paint(ToonPen pen, Actor actor, Color ink) {
        Action action = actor.action();
        Color c = actor.colour().rgb();
        Color shade = ToonPen.darker(c, 0.72);

        Path2D tail = new Path2D.Double();
        tail.moveTo(-0.34, -0.34);
        tail.lineTo(-0.64, -0.6);
        tail.lineTo(-0.54, -0.34);
        tail.lineTo(-0.64, -0.08);
        tail.closePath();
        pen.part(tail, c);

        Path2D dorsal = new Path2D.Double();
        dorsal.moveTo(-0.2, -0.52);
        dorsal.quadTo(-0.1, -0.8, 0.14, -0.56);
        dorsal.closePath();
        pen.part(dorsal, shade);

        pen.part(ellipse(0, -0.34, 0.84, 0.5), c);
        pen.part(
                AffineTransform.getRotateInstance(0.5, -0.02, -0.28)
                        .createTransformedShape(ellipse(-0.02, -0.28, 0.2, 0.1)),
                shade);

        double w = pen.outlineWidth();
        if (action == Action.SLEEPING) {
            pen.stroke(new Line2D.Double(0.15, -0.4, 0.27, -0.4), w, ToonPen.OUTLINE);
        } else {
            pen.part(ellipse(0.21, -0.42, 0.15, 0.15), Color.WHITE);
            pen.dot(0.23, -0.42, 0.038, ToonPen.OUTLINE);
        }
        pen.stroke(new Line2D.Double(0.33, -0.27, 0.4, -0.3), w, ToonPen.OUTLINE);

        if (action == Action.SWIMMING) {
            ActionCues.bubbles(pen, 0.5, -0.44, ink);
        } else if (action == Action.EATING) {
            ActionCues.cookie(pen, 0.56, -0.3, 0.28);
        }
    }
}
