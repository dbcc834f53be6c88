package io.capstream.data.toons;

import static io.capstream.data.toons.ToonPen.ellipse;

import java.awt.Color;
import java.awt.geom.Arc2D;
import java.awt.geom.Path2D;

/** Draws a front-facing ghost: dome top, wavy bottom, stubby arms, no legs. */
final class GhostPainter {
    private GhostPainter() {}

    static void paint(ToonPen pen, Actor actor, Color ink) {
        Action action = actor.action();
        Color c = actor.colour().rgb();
        double[] hands = hands(action);
        pen.limb(-0.26, -0.44, hands[0], hands[1], 0.1, c);
        pen.limb(0.26, -0.44, hands[2], hands[3], 0.1, c);

        Path2D body = new Path2D.Double();
        body.moveTo(-0.3, -0.12);
        body.lineTo(-0.3, -0.6);
        body.curveTo(-0.3, -1.0, 0.3, -1.0, 0.3, -0.6);
        body.lineTo(0.3, -0.12);
        for (int i = 0; i < 3; i++) {
            double x0 = 0.3 - i * 0.2;
            body.quadTo(x0 - 0.1, 0.08, x0 - 0.2, -0.12);
        }
        body.closePath();
        pen.part(body, c);

        for (int side = -1; side <= 1; side += 2) {
            double x = 0.04 + side * 0.1;
            if (action == Action.SLEEPING) {
                pen.stroke(
                        new Arc2D.Double(x - 0.05, -0.66, 0.1, 0.07, 180, 180, Arc2D.OPEN),
                        pen.outlineWidth(),
                        ToonPen.OUTLINE);
            } else {
                pen.fill(ellipse(x, -0.62, 0.09, 0.15), ToonPen.OUTLINE);
            }
        }
        pen.fill(ellipse(0.04, -0.44, 0.08, action == Action.EATING ? 0.1 : 0.06), ToonPen.OUTLINE);
        if (action == Action.EATING) {
            ActionCues.cookie(pen, 0.1, -0.4, 0.3);
        }
        if (action == Action.WAVING) {
            ActionCues.waveMarks(pen, hands[2], hands[3], ink);
        }
    }

    /** Back hand x, y, front hand x, y. */
    private static double[] hands(Action action) {
        switch (action) {
            case WAVING:
                return new double[] {-0.42, -0.34, 0.42, -0.86};
            case DANCING:
                return new double[] {-0.44, -0.84, 0.44, -0.84};
            case EATING:
                return new double[] {-0.08, -0.38, 0.28, -0.38};
            case SLEEPING:
                return new double[] {-0.38, -0.22, 0.38, -0.22};
            default:
                return new double[] {-0.44, -0.38, 0.44, -0.38};
        }
    }
}
