package io.capstream.data.toons;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;

/** Draws one placed character with its pose (tilt, lying down) and action cues. */
final class CharacterPainter {
    private CharacterPainter() {}

    /**
     * Draws {@code f} on an image of {@code size} pixels.
     *
     * @param groundY where shadows go (fraction of the image height)
     * @param ink colour of action marks, readable on this background
     * @return the pen, which knows the pixel bounds of what was drawn
     */
    static ToonPen paint(Graphics2D g, Figure f, double groundY, double size, Color ink) {
        Actor actor = f.actor();
        Action action = actor.action();
        double px = f.scale() * size;
        AffineTransform saved = g.getTransform();
        if (groundY - f.footY() > 0.05 * f.scale()) {
            ActionCues.shadow(g, f.x() * size, groundY * size, px * 0.5);
        }
        g.translate(f.x() * size, f.footY() * size);
        g.scale(px, px);
        if (!f.facingRight()) {
            g.scale(-1, 1);
        }
        ToonPen pen = new ToonPen(g, px);
        boolean humanoid =
                actor.kind() != Kind.BIRD
                        && actor.kind() != Kind.GHOST
                        && actor.kind() != Kind.FISH;
        switch (action) {
            case RUNNING:
                ActionCues.speedLines(pen, actor.kind() == Kind.BIRD ? -0.5 : -0.34, ink);
                g.rotate(0.26);
                break;
            case DANCING:
                ActionCues.musicNotes(pen, 0.44, -1.02, ink);
                g.rotate(-0.14);
                break;
            case FLYING:
                g.rotate(-0.15, 0, -0.4);
                break;
            case EATING:
                if (actor.kind() == Kind.BIRD) {
                    g.rotate(0.3); // pecking
                }
                break;
            case JUMPING:
                if (actor.kind() == Kind.FISH) {
                    g.rotate(-0.45, 0, -0.34);
                }
                break;
            case SLEEPING:
                ActionCues.sleepMarks(pen, sleepMarkX(actor.kind()), sleepMarkY(actor.kind()), ink);
                if (humanoid) {
                    g.translate(0, 0.2);
                    g.rotate(Math.PI / 2, 0, -0.5);
                }
                break;
            default:
                break;
        }
        switch (actor.kind()) {
            case BIRD:
                BirdPainter.paint(pen, actor, ink);
                break;
            case GHOST:
                GhostPainter.paint(pen, actor, ink);
                break;
            case FISH:
                FishPainter.paint(pen, actor, ink);
                break;
            default:
                HumanoidPainter.paint(pen, actor, ink);
        }
        g.setTransform(saved);
        return pen;
    }

    private static double sleepMarkX(Kind kind) {
        return kind == Kind.FISH ? 0.2 : 0.24;
    }

    private static double sleepMarkY(Kind kind) {
        switch (kind) {
            case BIRD:
                return -0.84;
            case GHOST:
                return -0.96;
            case FISH:
                return -0.72;
            default:
                return -0.56;
        }
    }

    /** How far above the ground the pose is drawn, in character heights. */
    static double lift(Actor actor) {
        Kind kind = actor.kind();
        switch (actor.action()) {
            case JUMPING:
                return kind == Kind.FISH ? 0.5 : 0.38;
            case FLYING:
                return 0.6;
            case SLEEPING:
                return 0;
            default:
                if (kind == Kind.GHOST) {
                    return 0.18;
                }
                return kind == Kind.FISH ? 0.3 : 0;
        }
    }
}
