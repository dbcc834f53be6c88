package io.capstream.data.toons;

import static io.capstream.data.toons.ToonPen.ellipse;

import java.awt.Color;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Draws the upright, front-facing characters (cat, dog, robot) in their own coordinates: foot at
 * the origin, height 1, facing +x. They share a body plan (legs, body, arms, head) and differ in
 * head, ears and tail, which is what makes them recognisable by silhouette.
 */
final class HumanoidPainter {
    private static final double LIMB = 0.1;

    private HumanoidPainter() {}

    static void paint(ToonPen pen, Actor actor, Color ink) {
        Kind kind = actor.kind();
        Action action = actor.action();
        Color c = actor.colour().rgb();
        Color shade = ToonPen.darker(c, 0.72);
        double dy = action == Action.SITTING ? 0.22 : 0; // sitting lowers everything above the hips
        double hipY = -0.3 + dy;

        if (kind == Kind.CAT) {
            Path2D tail = new Path2D.Double();
            tail.moveTo(-0.16, -0.34 + dy);
            tail.curveTo(-0.44, -0.36 + dy, -0.46, -0.62 + dy, -0.34, -0.78 + dy);
            pen.limb(tail, 0.075, c);
        } else if (kind == Kind.DOG) {
            pen.limb(-0.16, -0.42 + dy, -0.34, -0.62 + dy, 0.08, c);
        }

        double[] feet = feet(action);
        pen.limb(-0.1, hipY, feet[0], feet[1], LIMB, c);
        pen.limb(0.1, hipY, feet[2], feet[3], LIMB, c);

        if (kind == Kind.ROBOT) {
            pen.part(new RoundRectangle2D.Double(-0.22, -0.6 + dy, 0.44, 0.36, 0.08, 0.08), c);
            pen.part(new RoundRectangle2D.Double(-0.08, -0.5 + dy, 0.16, 0.12, 0.04, 0.04), shade);
        } else {
            pen.part(ellipse(0, -0.42 + dy, 0.46, 0.4), c);
        }

        double[] hands = hands(action);
        pen.limb(-0.19, -0.5 + dy, hands[0], hands[1] + dy, LIMB, c);
        pen.limb(0.19, -0.5 + dy, hands[2], hands[3] + dy, LIMB, c);

        boolean closed = action == Action.SLEEPING;
        switch (kind) {
            case CAT:
                cat(pen, c, dy, closed);
                break;
            case DOG:
                dog(pen, c, shade, dy, closed);
                break;
            default:
                robot(pen, c, dy, closed);
        }
        if (action == Action.EATING) {
            ActionCues.cookie(pen, 0.12, -0.62 + dy, 0.3);
        }
        if (action == Action.WAVING) {
            ActionCues.waveMarks(pen, hands[2], hands[3] + dy, ink);
        }
    }

    /** Left foot x, y, right foot x, y. */
    private static double[] feet(Action action) {
        switch (action) {
            case JUMPING:
                return new double[] {-0.22, -0.06, 0.22, -0.06};
            case RUNNING:
                return new double[] {-0.24, -0.1, 0.26, -0.03};
            case DANCING:
                return new double[] {-0.1, -0.02, 0.3, -0.18};
            case SITTING:
                return new double[] {-0.36, -0.04, 0.36, -0.04};
            default:
                return new double[] {-0.12, -0.02, 0.12, -0.02};
        }
    }

    /** Back hand x, y, front hand x, y (before the sitting offset). */
    private static double[] hands(Action action) {
        switch (action) {
            case WAVING:
                return new double[] {-0.28, -0.3, 0.36, -0.92};
            case DANCING:
                return new double[] {-0.38, -0.88, 0.38, -0.88};
            case JUMPING:
                return new double[] {-0.42, -0.66, 0.42, -0.66};
            case RUNNING:
                return new double[] {-0.32, -0.34, 0.36, -0.6};
            case EATING:
                // both hands hold a big cookie in front of the mouth
                return new double[] {-0.05, -0.6, 0.3, -0.6};
            default:
                return new double[] {-0.28, -0.3, 0.28, -0.3};
        }
    }

    private static void cat(ToonPen pen, Color c, double dy, boolean closed) {
        for (int side = -1; side <= 1; side += 2) {
            Path2D ear = new Path2D.Double();
            ear.moveTo(side * 0.2, -0.8 + dy);
            ear.lineTo(side * 0.18, -1.03 + dy);
            ear.lineTo(side * 0.03, -0.93 + dy);
            ear.closePath();
            pen.part(ear, c);
        }
        pen.part(ellipse(0, -0.76 + dy, 0.42, 0.38), c);
        eyes(pen, dy, closed);
        pen.dot(0.03, -0.71 + dy, 0.028, new Color(230, 90, 120));
        double w = pen.outlineWidth() * 0.6;
        for (int side = -1; side <= 1; side += 2) {
            pen.stroke(
                    new Line2D.Double(side * 0.1 + 0.03, -0.7 + dy, side * 0.3 + 0.03, -0.74 + dy),
                    w,
                    ToonPen.OUTLINE);
            pen.stroke(
                    new Line2D.Double(side * 0.1 + 0.03, -0.68 + dy, side * 0.3 + 0.03, -0.64 + dy),
                    w,
                    ToonPen.OUTLINE);
        }
    }

    private static void dog(ToonPen pen, Color c, Color shade, double dy, boolean closed) {
        pen.part(ellipse(0, -0.76 + dy, 0.42, 0.4), c);
        for (int side = -1; side <= 1; side += 2) {
            pen.part(ellipse(side * 0.2, -0.72 + dy, 0.13, 0.32), shade);
        }
        eyes(pen, dy, closed);
        pen.part(ellipse(0.03, -0.67 + dy, 0.18, 0.12), ToonPen.mix(c, Color.WHITE, 0.55));
        pen.fill(ellipse(0.03, -0.7 + dy, 0.09, 0.06), ToonPen.OUTLINE);
    }

    private static void robot(ToonPen pen, Color c, double dy, boolean closed) {
        pen.limb(0, -0.92 + dy, 0, -1.02 + dy, 0.03, ToonPen.OUTLINE);
        pen.part(ellipse(0, -1.04 + dy, 0.1, 0.1), c);
        pen.part(new RoundRectangle2D.Double(-0.21, -0.94 + dy, 0.42, 0.36, 0.06, 0.06), c);
        for (int side = -1; side <= 1; side += 2) {
            double x = 0.03 + side * 0.09;
            if (closed) {
                pen.stroke(
                        new Line2D.Double(x - 0.05, -0.8 + dy, x + 0.05, -0.8 + dy),
                        pen.outlineWidth(),
                        ToonPen.OUTLINE);
            } else {
                pen.part(
                        new java.awt.geom.Rectangle2D.Double(x - 0.055, -0.85 + dy, 0.11, 0.1),
                        Color.WHITE);
                pen.dot(x + 0.015, -0.8 + dy, 0.028, ToonPen.OUTLINE);
            }
        }
        pen.stroke(
                new Line2D.Double(-0.07, -0.66 + dy, 0.13, -0.66 + dy),
                pen.outlineWidth(),
                ToonPen.OUTLINE);
    }

    private static void eyes(ToonPen pen, double dy, boolean closed) {
        for (int side = -1; side <= 1; side += 2) {
            double x = 0.03 + side * 0.085;
            if (closed) {
                pen.stroke(
                        new Arc2D.Double(x - 0.045, -0.82 + dy, 0.09, 0.07, 180, 180, Arc2D.OPEN),
                        pen.outlineWidth(),
                        ToonPen.OUTLINE);
            } else {
                pen.dot(x, -0.79 + dy, 0.038, ToonPen.OUTLINE);
            }
        }
    }
}
