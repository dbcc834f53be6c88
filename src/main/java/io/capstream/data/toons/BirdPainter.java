package io.capstream.data.toons;

import static io.capstream.data.toons.ToonPen.ellipse;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;

/** Draws a bird in profile (beak towards +x, foot at the origin, height 1). */
final class BirdPainter {
    static final Color BEAK = new Color(246, 188, 40);

    private BirdPainter() {}

    static void paint(ToonPen pen, Actor actor, Color ink) {
        Action action = actor.action();
        Color c = actor.colour().rgb();
        Color shade = ToonPen.darker(c, 0.72);
        // a sleeping bird rests its belly on the ground: no legs, everything lower
        double dy = action == Action.SLEEPING ? 0.12 : 0;

        if (action != Action.FLYING && action != Action.SLEEPING) {
            double[] feet =
                    action == Action.RUNNING
                            ? new double[] {-0.2, 0.22}
                            : new double[] {-0.06, 0.06};
            double w = pen.outlineWidth() * 1.4;
            pen.stroke(new Line2D.Double(-0.06, -0.16, feet[0], 0), w, ToonPen.OUTLINE);
            pen.stroke(new Line2D.Double(0.06, -0.16, feet[1], 0), w, ToonPen.OUTLINE);
            pen.stroke(new Line2D.Double(feet[0], 0, feet[0] + 0.08, 0), w, ToonPen.OUTLINE);
            pen.stroke(new Line2D.Double(feet[1], 0, feet[1] + 0.08, 0), w, ToonPen.OUTLINE);
        }
        if (action == Action.FLYING || action == Action.DANCING) {
            pen.part(wing(-0.12, -0.68 + dy, 0.42, -0.6), shade);
        }

        Path2D tail = new Path2D.Double();
        tail.moveTo(-0.26, -0.44 + dy);
        tail.lineTo(-0.52, -0.6 + dy);
        tail.lineTo(-0.46, -0.34 + dy);
        tail.closePath();
        pen.part(tail, c);
        pen.part(ellipse(0, -0.4 + dy, 0.64, 0.54), c);
        pen.part(ellipse(0.14, -0.7 + dy, 0.4, 0.38), c);

        double tw = pen.outlineWidth() * 1.3;
        pen.stroke(new Line2D.Double(0.1, -0.86 + dy, 0.02, -1.0 + dy), tw, ToonPen.OUTLINE);
        pen.stroke(new Line2D.Double(0.14, -0.87 + dy, 0.16, -1.02 + dy), tw, ToonPen.OUTLINE);

        Path2D beak = new Path2D.Double();
        beak.moveTo(0.3, -0.77 + dy);
        beak.lineTo(0.52, -0.69 + dy);
        beak.lineTo(0.3, -0.62 + dy);
        beak.closePath();
        pen.part(beak, BEAK);

        if (action == Action.SLEEPING) {
            pen.stroke(
                    new Arc2D.Double(0.15, -0.78 + dy, 0.1, 0.07, 180, 180, Arc2D.OPEN),
                    pen.outlineWidth(),
                    ToonPen.OUTLINE);
        } else {
            pen.dot(0.2, -0.74 + dy, 0.04, ToonPen.OUTLINE);
        }

        switch (action) {
            case FLYING:
                pen.part(wing(0.0, -0.6, 0.46, -0.25), shade);
                break;
            case DANCING:
                pen.part(wing(0.02, -0.62, 0.4, -0.15), shade);
                break;
            case WAVING:
                // one wing raised up and back, clear of the head
                pen.part(wing(-0.06, -0.52, 0.44, -0.7), shade);
                ActionCues.waveMarks(pen, -0.34, -0.86, ink);
                break;
            default:
                Shape folded =
                        AffineTransform.getRotateInstance(-0.25, -0.06, -0.42 + dy)
                                .createTransformedShape(ellipse(-0.06, -0.42 + dy, 0.36, 0.2));
                pen.part(folded, shade);
        }
        if (action == Action.EATING) {
            ActionCues.cookie(pen, 0.64, -0.66, 0.28);
        }
    }

    /**
     * A raised wing from its root (x, y), {@code length} long, tilted {@code angle} from vertical.
     */
    private static Shape wing(double x, double y, double length, double angle) {
        Shape upright = ellipse(x, y - length / 2, length * 0.4, length);
        return AffineTransform.getRotateInstance(angle, x, y).createTransformedShape(upright);
    }
}
