package io.capstream.data.toons;

import static io.capstream.data.toons.ToonPen.ellipse;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Graphics2D;
import java.awt.geom.Arc2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;

/**
 * The marks that make an action readable at 64 px: food, "z"s, music notes, motion lines, wave
 * marks, bubbles and the shadow under a lifted character. No text rendering, so no font can change
 * the pixels. {@code ink} is dark on light backgrounds and light on dark ones.
 */
final class ActionCues {
    private ActionCues() {}

    /** A chocolate-chip cookie of diameter {@code d} centred at (x, y). */
    static void cookie(ToonPen pen, double x, double y, double d) {
        pen.part(ellipse(x, y, d, d), new Color(212, 160, 92));
        Color chip = new Color(92, 52, 24);
        pen.dot(x - d * 0.18, y - d * 0.15, d * 0.09, chip);
        pen.dot(x + d * 0.2, y - d * 0.05, d * 0.09, chip);
        pen.dot(x - d * 0.02, y + d * 0.22, d * 0.09, chip);
    }

    /** Two short arcs beside a raised hand at (x, y). */
    static void waveMarks(ToonPen pen, double x, double y, Color ink) {
        double w = pen.outlineWidth() * 1.2;
        pen.stroke(new Arc2D.Double(x - 0.04, y - 0.2, 0.3, 0.38, -50, 100, Arc2D.OPEN), w, ink);
        pen.stroke(new Arc2D.Double(x - 0.26, y - 0.2, 0.3, 0.38, 130, 100, Arc2D.OPEN), w, ink);
    }

    /** Two "z" zigzags rising from (x, y), the bigger one higher. */
    static void sleepMarks(ToonPen pen, double x, double y, Color ink) {
        zed(pen, x, y, 0.14, ink);
        zed(pen, x + 0.18, y - 0.26, 0.2, ink);
    }

    private static void zed(ToonPen pen, double x, double y, double size, Color ink) {
        // in a mirrored frame (character facing left) draw it mirrored back so it reads as "z"
        double dir = pen.graphics().getTransform().getDeterminant() < 0 ? -1 : 1;
        double left = dir > 0 ? x : x + size;
        Path2D z = new Path2D.Double();
        z.moveTo(left, y - size);
        z.lineTo(left + dir * size, y - size);
        z.lineTo(left, y);
        z.lineTo(left + dir * size, y);
        pen.stroke(z, pen.outlineWidth() * 1.3, ink);
    }

    /** Two music notes around (x, y). */
    static void musicNotes(ToonPen pen, double x, double y, Color ink) {
        note(pen, x, y, 0.16, ink);
        note(pen, x - 0.74, y + 0.06, 0.13, ink);
    }

    private static void note(ToonPen pen, double x, double y, double size, Color ink) {
        pen.fill(ellipse(x, y, size * 0.9, size * 0.65), ink);
        double stemX = x + size * 0.38;
        double top = y - size * 1.2;
        double w = pen.outlineWidth() * 1.2;
        pen.stroke(new Line2D.Double(stemX, y, stemX, top), w, ink);
        pen.stroke(new Line2D.Double(stemX, top, stemX + size * 0.5, top + size * 0.45), w, ink);
    }

    /** Three horizontal motion lines behind a runner (behind = -x). */
    static void speedLines(ToonPen pen, double backX, Color ink) {
        double w = pen.outlineWidth() * 1.1;
        pen.stroke(new Line2D.Double(backX - 0.34, -0.7, backX - 0.06, -0.7), w, ink);
        pen.stroke(new Line2D.Double(backX - 0.42, -0.48, backX - 0.06, -0.48), w, ink);
        pen.stroke(new Line2D.Double(backX - 0.3, -0.26, backX - 0.06, -0.26), w, ink);
    }

    /** Three outlined bubbles rising from (x, y). */
    static void bubbles(ToonPen pen, double x, double y, Color ink) {
        double w = pen.outlineWidth();
        pen.stroke(ellipse(x, y, 0.08, 0.08), w, ink);
        pen.stroke(ellipse(x + 0.08, y - 0.16, 0.11, 0.11), w, ink);
        pen.stroke(ellipse(x + 0.02, y - 0.36, 0.14, 0.14), w, ink);
    }

    /** A soft shadow on the ground under a lifted character, in image pixels. */
    static void shadow(Graphics2D g, double x, double groundY, double width) {
        Composite saved = g.getComposite();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
        g.setColor(Color.BLACK);
        g.fill(ellipse(x, groundY - width * 0.04, width, width * 0.16));
        g.setComposite(saved);
    }
}
