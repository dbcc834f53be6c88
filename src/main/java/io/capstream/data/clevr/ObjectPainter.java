package io.capstream.data.clevr;

import io.capstream.data.render.Shading;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/**
 * Draws one object as a pseudo-3D shape lit from the upper left: a box (cube), a ball (sphere) or
 * an upright cylinder with an elliptical top. Rubber is matte (gentle, flat shading); metal has
 * strong contrast, dark rims and a white specular highlight, so the material reads even at 64 px.
 */
final class ObjectPainter {
    private static final Color WHITE = Color.WHITE;

    private ObjectPainter() {}

    /** The soft floor shadow, cast to the lower right. */
    static void shadow(Graphics2D g, FloorCamera camera, SceneObject o) {
        Point2D p = camera.ground(o);
        double r = camera.radius(o);
        Shading.softShadow(g, p.getX() + 0.5 * r, p.getY() - 0.15 * r, 1.4 * r, 0.5 * r, 0.34);
    }

    static void paint(Graphics2D g, FloorCamera camera, SceneObject o) {
        Point2D p = camera.ground(o);
        double r = camera.radius(o);
        Color base = o.attributes().color().rgb();
        boolean metal = o.attributes().material() == Material.METAL;
        switch (o.attributes().shape()) {
            case CUBE -> cube(g, p.getX(), p.getY(), r, base, metal);
            case SPHERE -> sphere(g, p.getX(), p.getY(), r, base, metal);
            case CYLINDER -> cylinder(g, p.getX(), p.getY(), r, base, metal);
        }
    }

    private static void sphere(
            Graphics2D g, double gx, double gy, double r, Color c, boolean metal) {
        double cy = gy - 1.02 * r;
        if (metal) {
            Shading.fillRadial(
                    g,
                    gx,
                    cy,
                    r,
                    r,
                    -0.45,
                    -0.5,
                    new float[] {0f, 0.45f, 0.85f, 1f},
                    new Color[] {
                        Shading.mix(c, WHITE, 0.35),
                        c,
                        Shading.scale(c, 0.42),
                        Shading.scale(c, 0.3)
                    });
            Shading.highlight(g, gx - 0.36 * r, cy - 0.38 * r, 0.42 * r, 0.95);
        } else {
            Shading.fillRadial(
                    g,
                    gx,
                    cy,
                    r,
                    r,
                    -0.35,
                    -0.4,
                    new float[] {0f, 1f},
                    new Color[] {Shading.mix(c, WHITE, 0.12), Shading.scale(c, 0.72)});
        }
    }

    private static void cube(Graphics2D g, double gx, double gy, double r, Color c, boolean metal) {
        // A box seen from above and the left: front face, lit top face, dark right face.
        double x0 = gx - 0.95 * r;
        double x1 = x0 + 1.45 * r;
        double y1 = gy;
        double y0 = gy - 1.5 * r;
        double dx = 0.45 * r;
        double dy = -0.5 * r;
        Path2D top = quad(x0, y0, x1, y0, x1 + dx, y0 + dy, x0 + dx, y0 + dy);
        Path2D side = quad(x1, y0, x1 + dx, y0 + dy, x1 + dx, y1 + dy, x1, y1);
        Rectangle2D front = new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
        if (metal) {
            fillVertical(g, front, Shading.mix(c, WHITE, 0.18), Shading.scale(c, 0.5));
            g.setColor(Shading.mix(c, WHITE, 0.5));
            g.fill(top);
            g.setColor(Shading.scale(c, 0.32));
            g.fill(side);
            Shading.highlight(g, x0 + 0.45 * r, y0 + 0.45 * r, 0.5 * r, 0.85);
        } else {
            g.setColor(Shading.scale(c, 0.94));
            g.fill(front);
            g.setColor(Shading.mix(c, WHITE, 0.16));
            g.fill(top);
            g.setColor(Shading.scale(c, 0.7));
            g.fill(side);
        }
    }

    private static void cylinder(
            Graphics2D g, double gx, double gy, double r, Color c, boolean metal) {
        // Narrower and taller than the cube, so the two differ in outline even when tiny.
        double w = 0.74 * r;
        double e = 0.3 * r;
        double h = 1.55 * r;
        double bottom = gy - e;
        double topY = bottom - h;
        Path2D body = new Path2D.Double();
        body.append(new Rectangle2D.Double(gx - w, topY, 2 * w, h), false);
        body.append(new Ellipse2D.Double(gx - w, bottom - e, 2 * w, 2 * e), false);
        Area area = new Area(body);
        float x0 = (float) (gx - w);
        float x1 = (float) (gx + w);
        if (metal) {
            g.setPaint(
                    new LinearGradientPaint(
                            x0,
                            0f,
                            x1,
                            0f,
                            new float[] {0f, 0.28f, 0.42f, 0.75f, 1f},
                            new Color[] {
                                Shading.scale(c, 0.55),
                                Shading.mix(c, WHITE, 0.55),
                                c,
                                Shading.scale(c, 0.38),
                                Shading.scale(c, 0.28)
                            }));
        } else {
            g.setPaint(
                    new LinearGradientPaint(
                            x0,
                            0f,
                            x1,
                            0f,
                            new float[] {0f, 0.35f, 1f},
                            new Color[] {
                                Shading.scale(c, 0.92),
                                Shading.mix(c, WHITE, 0.06),
                                Shading.scale(c, 0.7)
                            }));
        }
        g.fill(area);
        Ellipse2D cap = new Ellipse2D.Double(gx - w, topY - e, 2 * w, 2 * e);
        g.setColor(metal ? Shading.mix(c, WHITE, 0.45) : Shading.mix(c, WHITE, 0.16));
        g.fill(cap);
        if (metal) {
            Shading.highlight(g, gx - 0.4 * w, topY + 0.35 * h, 0.45 * r, 0.8);
        }
    }

    private static void fillVertical(Graphics2D g, Rectangle2D area, Color top, Color bottom) {
        Shading.verticalGradient(g, area, top, bottom);
    }

    private static Path2D quad(double... xy) {
        Path2D p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) {
            p.lineTo(xy[i], xy[i + 1]);
        }
        p.closePath();
        return p;
    }
}
