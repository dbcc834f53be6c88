package io.capstream.data.toons;

import static io.capstream.data.toons.ToonPen.ellipse;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/**
 * Draws the six settings. Colours are muted so that every body colour stands out; layouts of the
 * details (tree, stars, windows) vary with the detail seed, the setting's identity does not.
 */
final class BackgroundPainter {
    private BackgroundPainter() {}

    /** Colour for action marks ("z", notes, motion lines) that reads on this setting. */
    static Color ink(Setting setting) {
        return setting == Setting.SPACE || setting == Setting.CITY
                ? new Color(238, 238, 248)
                : ToonPen.OUTLINE;
    }

    static void paint(Graphics2D g, Setting setting, double size, double groundY, Random rng) {
        double gy = groundY * size - 0.06 * size;
        switch (setting) {
            case PARK:
                park(g, size, gy, rng);
                break;
            case BEACH:
                beach(g, size, gy, rng);
                break;
            case KITCHEN:
                kitchen(g, size, gy, rng);
                break;
            case SPACE:
                space(g, size, gy, rng);
                break;
            case CITY:
                city(g, size, gy, rng);
                break;
            default:
                forest(g, size, gy, rng);
        }
    }

    private static void rect(Graphics2D g, Color c, double x, double y, double w, double h) {
        g.setColor(c);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    private static void park(Graphics2D g, double s, double gy, Random rng) {
        rect(g, new Color(176, 220, 248), 0, 0, s, s);
        g.setColor(new Color(236, 244, 252));
        double cx = rng.nextDouble() * s;
        g.fill(ellipse(cx, 0.12 * s, 0.22 * s, 0.08 * s));
        g.fill(ellipse(cx + 0.07 * s, 0.09 * s, 0.14 * s, 0.08 * s));
        rect(g, new Color(150, 206, 108), 0, gy, s, s - gy);
        boolean left = rng.nextBoolean();
        double tx = (left ? 0.08 + 0.1 * rng.nextDouble() : 0.92 - 0.1 * rng.nextDouble()) * s;
        rect(g, new Color(128, 88, 52), tx - 0.03 * s, gy - 0.3 * s, 0.06 * s, 0.32 * s);
        g.setColor(new Color(84, 160, 78));
        g.fill(ellipse(tx, gy - 0.4 * s, 0.3 * s, 0.26 * s));
        g.fill(ellipse(tx - 0.08 * s, gy - 0.32 * s, 0.2 * s, 0.16 * s));
        g.fill(ellipse(tx + 0.08 * s, gy - 0.32 * s, 0.2 * s, 0.16 * s));
        g.setColor(new Color(124, 184, 90));
        for (int i = 0; i < 8; i++) {
            double x = rng.nextDouble() * s;
            double y = gy + (0.04 + rng.nextDouble() * 0.12) * s;
            g.fill(ellipse(x, y, 0.05 * s, 0.015 * s));
        }
    }

    private static void beach(Graphics2D g, double s, double gy, Random rng) {
        rect(g, new Color(188, 226, 250), 0, 0, s, s);
        double sea = gy - (0.2 + 0.06 * rng.nextDouble()) * s;
        rect(g, new Color(64, 176, 196), 0, sea, s, gy - sea);
        g.setColor(new Color(196, 236, 240));
        for (int i = 0; i < 5; i++) {
            double x = rng.nextDouble() * s;
            double y = sea + (0.04 + rng.nextDouble() * 0.12) * s;
            g.setStroke(new java.awt.BasicStroke((float) (0.012 * s)));
            g.draw(new Line2D.Double(x, y, x + 0.08 * s, y));
        }
        rect(g, new Color(236, 212, 156), 0, gy, s, s - gy);
        g.setColor(new Color(214, 186, 128));
        for (int i = 0; i < 10; i++) {
            g.fill(
                    ellipse(
                            rng.nextDouble() * s,
                            gy + (0.03 + rng.nextDouble() * 0.14) * s,
                            0.015 * s,
                            0.015 * s));
        }
    }

    private static void kitchen(Graphics2D g, double s, double gy, Random rng) {
        rect(g, new Color(248, 212, 176), 0, 0, s, gy);
        g.setColor(new Color(226, 184, 148));
        g.setStroke(new java.awt.BasicStroke((float) Math.max(1, 0.012 * s)));
        double tile = 0.125 * s;
        for (double v = tile; v < gy; v += tile) {
            g.draw(new Line2D.Double(0, v, s, v));
        }
        for (double u = tile; u < s; u += tile) {
            g.draw(new Line2D.Double(u, 0, u, gy));
        }
        rect(g, new Color(168, 126, 88), 0, gy, s, s - gy);
        g.setColor(new Color(146, 106, 72));
        for (double v = gy + 0.06 * s; v < s; v += 0.06 * s) {
            g.draw(new Line2D.Double(0, v, s, v));
        }
        // a wooden table against the wall
        double tw = 0.34 * s;
        double tx = rng.nextBoolean() ? 0.04 * s : s - tw - 0.04 * s;
        Color wood = new Color(138, 92, 56);
        rect(g, wood, tx, gy - 0.24 * s, tw, 0.04 * s);
        rect(g, wood, tx + 0.02 * s, gy - 0.2 * s, 0.03 * s, 0.2 * s);
        rect(g, wood, tx + tw - 0.05 * s, gy - 0.2 * s, 0.03 * s, 0.2 * s);
        g.setColor(new Color(120, 124, 132));
        g.fill(ellipse(tx + tw / 2, gy - 0.27 * s, 0.12 * s, 0.07 * s));
    }

    private static void space(Graphics2D g, double s, double gy, Random rng) {
        rect(g, new Color(18, 18, 52), 0, 0, s, s);
        for (int i = 0; i < 28; i++) {
            double r = (0.006 + 0.01 * rng.nextDouble()) * s;
            g.setColor(rng.nextInt(4) == 0 ? new Color(250, 240, 170) : new Color(240, 240, 255));
            g.fill(ellipse(rng.nextDouble() * s, rng.nextDouble() * gy, r, r));
        }
        double px = (rng.nextBoolean() ? 0.16 : 0.84) * s;
        g.setColor(new Color(96, 170, 180));
        g.fill(ellipse(px, 0.16 * s, 0.16 * s, 0.16 * s));
        g.setColor(new Color(200, 200, 220));
        g.setStroke(new java.awt.BasicStroke((float) Math.max(1, 0.012 * s)));
        g.draw(ellipse(px, 0.16 * s, 0.28 * s, 0.07 * s));
        rect(g, new Color(126, 126, 140), 0, gy, s, s - gy);
        g.setColor(new Color(102, 102, 116));
        for (int i = 0; i < 4; i++) {
            g.fill(
                    ellipse(
                            rng.nextDouble() * s,
                            gy + (0.05 + rng.nextDouble() * 0.1) * s,
                            0.08 * s,
                            0.03 * s));
        }
    }

    private static void city(Graphics2D g, double s, double gy, Random rng) {
        rect(g, new Color(46, 60, 132), 0, 0, s, s);
        g.setColor(new Color(246, 240, 196));
        double mx = (0.15 + 0.7 * rng.nextDouble()) * s;
        g.fill(ellipse(mx, 0.11 * s, 0.12 * s, 0.12 * s));
        g.setColor(new Color(46, 60, 132));
        g.fill(ellipse(mx + 0.04 * s, 0.09 * s, 0.11 * s, 0.11 * s));
        double x = -0.05 * s * rng.nextDouble();
        while (x < s) {
            double w = (0.14 + 0.1 * rng.nextDouble()) * s;
            double h = (0.22 + 0.3 * rng.nextDouble()) * s;
            rect(
                    g,
                    rng.nextBoolean() ? new Color(54, 58, 84) : new Color(66, 70, 98),
                    x,
                    gy - h,
                    w,
                    h);
            g.setColor(new Color(236, 206, 110));
            for (double wy = gy - h + 0.04 * s; wy < gy - 0.06 * s; wy += 0.08 * s) {
                for (double wx = x + 0.03 * s; wx < x + w - 0.04 * s; wx += 0.06 * s) {
                    if (rng.nextInt(3) != 0) {
                        g.fill(new Rectangle2D.Double(wx, wy, 0.025 * s, 0.035 * s));
                    }
                }
            }
            x += w + 0.01 * s;
        }
        rect(g, new Color(92, 92, 104), 0, gy, s, s - gy);
        rect(g, new Color(120, 120, 130), 0, gy, s, 0.02 * s);
    }

    private static void forest(Graphics2D g, double s, double gy, Random rng) {
        rect(g, new Color(206, 228, 206), 0, 0, s, s);
        // a misty row of distant pines behind the near ones
        g.setColor(new Color(128, 172, 136));
        for (double bx = -0.06 * s * rng.nextDouble(); bx < s + 0.1 * s; bx += 0.09 * s) {
            double h = (0.4 + 0.2 * rng.nextDouble()) * s;
            Path2D pine = new Path2D.Double();
            pine.moveTo(bx - 0.08 * s, gy);
            pine.lineTo(bx, gy - h);
            pine.lineTo(bx + 0.08 * s, gy);
            pine.closePath();
            g.fill(pine);
        }
        double x = -0.08 * s * rng.nextDouble();
        while (x < s + 0.1 * s) {
            double w = (0.16 + 0.06 * rng.nextDouble()) * s;
            double h = (0.42 + 0.2 * rng.nextDouble()) * s;
            rect(g, new Color(110, 78, 48), x - 0.015 * s, gy - 0.08 * s, 0.03 * s, 0.08 * s);
            g.setColor(rng.nextBoolean() ? new Color(46, 112, 70) : new Color(60, 128, 84));
            Path2D pine = new Path2D.Double();
            pine.moveTo(x - w / 2, gy - 0.06 * s);
            pine.lineTo(x, gy - h);
            pine.lineTo(x + w / 2, gy - 0.06 * s);
            pine.closePath();
            g.fill(pine);
            x += w * (0.7 + 0.3 * rng.nextDouble());
        }
        rect(g, new Color(150, 112, 74), 0, gy, s, s - gy);
        g.setColor(new Color(178, 132, 80));
        for (int i = 0; i < 10; i++) {
            g.fill(
                    ellipse(
                            rng.nextDouble() * s,
                            gy + (0.03 + rng.nextDouble() * 0.14) * s,
                            0.03 * s,
                            0.015 * s));
        }
    }
}
