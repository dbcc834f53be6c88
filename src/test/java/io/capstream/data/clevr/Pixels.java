package io.capstream.data.clevr;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Pixel statistics over a region of a rendered picture, for renderer tests. */
final class Pixels {
    private Pixels() {}

    /** Mean absolute RGB difference of two same-sized pictures inside {@code region}. */
    static double meanAbsDiff(BufferedImage a, BufferedImage b, Rectangle2D region) {
        double sum = 0;
        int n = 0;
        for (int[] p : pixels(a, region)) {
            int pa = a.getRGB(p[0], p[1]);
            int pb = b.getRGB(p[0], p[1]);
            for (int shift = 0; shift < 24; shift += 8) {
                sum += Math.abs(((pa >> shift) & 0xFF) - ((pb >> shift) & 0xFF));
            }
            n += 3;
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Whether every pixel inside {@code region} is the same in both pictures. */
    static boolean identical(BufferedImage a, BufferedImage b, Rectangle2D region) {
        for (int[] p : pixels(a, region)) {
            if (a.getRGB(p[0], p[1]) != b.getRGB(p[0], p[1])) {
                return false;
            }
        }
        return true;
    }

    /** Standard deviation of the luminance inside {@code region} (how contrasty it is). */
    static double luminanceSpread(BufferedImage a, Rectangle2D region) {
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int[] p : pixels(a, region)) {
            int rgb = a.getRGB(p[0], p[1]);
            double y =
                    0.299 * ((rgb >> 16) & 0xFF)
                            + 0.587 * ((rgb >> 8) & 0xFF)
                            + 0.114 * (rgb & 0xFF);
            sum += y;
            sumSq += y * y;
            n++;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    }

    private static Iterable<int[]> pixels(BufferedImage image, Rectangle2D region) {
        int x0 = Math.max(0, (int) Math.floor(region.getMinX()));
        int x1 = Math.min(image.getWidth(), (int) Math.ceil(region.getMaxX()));
        int y0 = Math.max(0, (int) Math.floor(region.getMinY()));
        int y1 = Math.min(image.getHeight(), (int) Math.ceil(region.getMaxY()));
        List<int[]> out = new ArrayList<>();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                out.add(new int[] {x, y});
            }
        }
        return out;
    }
}
