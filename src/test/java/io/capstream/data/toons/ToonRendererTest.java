package io.capstream.data.toons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ToonRendererTest {
    private static final int SIZE = 64;

    /**
     * Pixels (in the union of both characters' boxes) whose colour changes by more than this in
     * some channel count as visibly changed.
     */
    private static final int VISIBLE = 48;

    /**
     * At 64 px a lone character is about 25 px tall; a change of pose or kind must visibly alter at
     * least this many of its pixels (the smallest measured, standing vs waving, alters 45).
     */
    private static final int MIN_CHANGED = 30;

    private static ToonRenderer.Rendered single(Kind k, Colour c, Action a, Setting s) {
        ToonScene scene =
                SceneSampler.compose(
                        new Random(7),
                        s,
                        new Actor(k, c, a),
                        1,
                        Optional.empty(),
                        Optional.empty());
        return ToonRenderer.render(scene, SIZE);
    }

    private static int changedPixels(ToonRenderer.Rendered a, ToonRenderer.Rendered b) {
        Rectangle2D r = a.boxes().get(0).createUnion(b.boxes().get(0));
        int x0 = Math.max(0, (int) Math.floor(r.getMinX()));
        int y0 = Math.max(0, (int) Math.floor(r.getMinY()));
        int x1 = Math.min(SIZE, (int) Math.ceil(r.getMaxX()));
        int y1 = Math.min(SIZE, (int) Math.ceil(r.getMaxY()));
        int changed = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (channelDistance(a.image().getRGB(x, y), b.image().getRGB(x, y)) > VISIBLE) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private static int channelDistance(int p, int q) {
        int max = 0;
        for (int shift = 0; shift < 24; shift += 8) {
            max = Math.max(max, Math.abs(((p >> shift) & 255) - ((q >> shift) & 255)));
        }
        return max;
    }

    @Test
    void shouldChangeTheCharacterVisiblyWhenOnlyTheActionDiffers() {
        for (Kind k : Kind.values()) {
            for (Action a : k.actions()) {
                for (Action b : k.actions()) {
                    if (a.ordinal() >= b.ordinal()) {
                        continue;
                    }
                    for (Setting s : Setting.values()) {
                        int changed =
                                changedPixels(
                                        single(k, Colour.GREEN, a, s),
                                        single(k, Colour.GREEN, b, s));
                        assertTrue(
                                changed >= MIN_CHANGED,
                                k + " " + a + " vs " + b + " in " + s + ": " + changed + " px");
                    }
                }
            }
        }
    }

    @Test
    void shouldChangeTheCharacterVisiblyWhenOnlyTheKindDiffers() {
        // every kind can eat and sleep, so these compare all kinds in the same action
        for (Action a : new Action[] {Action.EATING, Action.SLEEPING}) {
            for (Kind k : Kind.values()) {
                for (Kind l : Kind.values()) {
                    if (k.ordinal() >= l.ordinal()) {
                        continue;
                    }
                    for (Colour c : Colour.values()) {
                        int changed =
                                changedPixels(
                                        single(k, c, a, Setting.PARK),
                                        single(l, c, a, Setting.PARK));
                        assertTrue(
                                changed >= MIN_CHANGED,
                                k + " vs " + l + " " + a + " " + c + ": " + changed + " px");
                    }
                }
            }
        }
    }

    @Test
    void shouldLookDifferentWhenOnlyTheSettingDiffers() {
        for (Setting s : Setting.values()) {
            for (Setting t : Setting.values()) {
                if (s.ordinal() >= t.ordinal()) {
                    continue;
                }
                BufferedImage a = single(Kind.CAT, Colour.RED, Action.STANDING, s).image();
                BufferedImage b = single(Kind.CAT, Colour.RED, Action.STANDING, t).image();
                int changed = 0;
                for (int y = 0; y < SIZE; y++) {
                    for (int x = 0; x < SIZE; x++) {
                        changed +=
                                channelDistance(a.getRGB(x, y), b.getRGB(x, y)) > VISIBLE ? 1 : 0;
                    }
                }
                // a setting covers the picture: at least a third of it must differ
                assertTrue(changed > SIZE * SIZE / 3, s + " vs " + t + ": " + changed + " px");
            }
        }
    }

    @Test
    void shouldFillTheBodyWithItsColourWhenRenderedOnAnySetting() {
        for (Kind k : Kind.values()) {
            Action a = k.actions().iterator().next();
            for (Colour c : Colour.values()) {
                for (Setting s : Setting.values()) {
                    ToonRenderer.Rendered r = single(k, c, a, s);
                    Rectangle2D box = r.boxes().get(0);
                    int exact = 0;
                    int rgb = c.rgb().getRGB();
                    for (int y = (int) box.getMinY(); y < Math.min(SIZE, box.getMaxY()); y++) {
                        for (int x = (int) box.getMinX(); x < Math.min(SIZE, box.getMaxX()); x++) {
                            exact += r.image().getRGB(x, y) == rgb ? 1 : 0;
                        }
                    }
                    // the body colour is shown as solid fill, not only as antialiased edges
                    assertTrue(exact >= 25, k + " " + c + " on " + s + ": " + exact + " px");
                }
            }
        }
    }

    @Test
    void shouldRenderTheSamePixelsWhenTheSceneIsTheSame() {
        ToonScene scene = SceneSampler.sample(new Random(11));
        BufferedImage a = ToonRenderer.render(scene, 96).image();
        BufferedImage b = ToonRenderer.render(scene, 96).image();
        assertArrayEquals(a.getRGB(0, 0, 96, 96, null, 0, 96), b.getRGB(0, 0, 96, 96, null, 0, 96));
    }
}
