package io.capstream.data.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.data.render.Shading;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClevrRendererTest {
    private static final int SIZE = 64;
    private static final FloorCamera CAMERA = new FloorCamera(SIZE);
    private static final ClevrChangeSampler SAMPLER = new ClevrChangeSampler(5, SIZE);

    private static BufferedImage render(Scene scene) {
        return ClevrRenderer.render(scene, Distractor.NONE, SIZE);
    }

    /** The pixels the change can touch: the changed object's box before and after. */
    private static List<Rectangle2D> changedRegions(SceneChange c) {
        List<Rectangle2D> boxes = new ArrayList<>();
        c.before().ifPresent(o -> boxes.add(CAMERA.bounds(o)));
        c.after().ifPresent(o -> boxes.add(CAMERA.bounds(o)));
        return boxes;
    }

    @Test
    void shouldChangeThePixelsOfTheChangedObjectWhenRenderedWithoutJitter() {
        for (int i = 0; i < 150; i++) {
            ClevrChangeSample s = SAMPLER.sample(i);
            BufferedImage before = render(s.before());
            BufferedImage after = render(s.after());
            SceneChange c = s.change();
            List<SceneObject> changed = new ArrayList<>();
            c.before().ifPresent(changed::add);
            c.after().ifPresent(changed::add);
            for (SceneObject o : changed) {
                double diff = Pixels.meanAbsDiff(before, after, CAMERA.bodyBounds(o));
                // Smallest seen over 1000 indices: 8.4 (small metal cylinder, brown to red).
                assertTrue(diff > 4, "index " + i + " " + c.type() + " differs only " + diff);
            }
        }
    }

    @Test
    void shouldKeepUnchangedObjectsPixelIdenticalWhenAwayFromTheChange() {
        int checked = 0;
        for (int i = 0; i < 150; i++) {
            ClevrChangeSample s = SAMPLER.sample(i);
            BufferedImage before = render(s.before());
            BufferedImage after = render(s.after());
            List<Rectangle2D> changed = changedRegions(s.change());
            for (SceneObject o : s.before().objects()) {
                Rectangle2D box = CAMERA.bounds(o);
                if (s.change().before().filter(o::equals).isPresent()
                        || changed.stream().anyMatch(box::intersects)) {
                    continue;
                }
                assertTrue(
                        Pixels.identical(before, after, box),
                        "index " + i + ": " + o.attributes() + " changed pixels");
                checked++;
            }
        }
        assertTrue(checked > 200, "only " + checked + " objects were far from a change");
    }

    @Test
    void shouldMoveEveryPixelWhenTheCameraShifts() {
        Scene scene = SAMPLER.sample(3).before();
        BufferedImage still = render(scene);
        BufferedImage shifted = ClevrRenderer.render(scene, new Distractor(2, -1, 1.0), SIZE);
        for (int y = 0; y < SIZE - 1; y++) {
            for (int x = 2; x < SIZE; x++) {
                assertEquals(still.getRGB(x - 2, y + 1), shifted.getRGB(x, y), x + "," + y);
            }
        }
    }

    @Test
    void shouldScaleEveryPixelWhenTheLightingChanges() {
        Scene scene = SAMPLER.sample(4).before();
        BufferedImage darker = ClevrRenderer.render(scene, new Distractor(0, 0, 0.9), SIZE);
        BufferedImage expected = Shading.brightness(render(scene), 0.9);
        assertTrue(Pixels.identical(expected, darker, new Rectangle2D.Double(0, 0, SIZE, SIZE)));
    }

    private static SceneObject single(ObjectAttributes a) {
        // At the back of the floor, where objects are smallest: the hardest case at 64 px.
        return new SceneObject(a, 0.5, 0.8);
    }

    private static double attributeDiff(ObjectAttributes a, ObjectAttributes b) {
        SceneObject oa = single(a);
        Rectangle2D box = CAMERA.bodyBounds(oa).createUnion(CAMERA.bodyBounds(single(b)));
        return Pixels.meanAbsDiff(
                render(new Scene(List.of(oa))), render(new Scene(List.of(single(b)))), box);
    }

    @Test
    void shouldDrawEveryAttributeValueDifferentlyWhenObjectIsSmallAndFar() {
        ObjectAttributes base =
                new ObjectAttributes(
                        ObjectSize.SMALL, ObjectColor.GRAY, Material.RUBBER, ObjectShape.CUBE);
        for (ObjectColor c1 : ObjectColor.values()) {
            for (ObjectColor c2 : ObjectColor.values()) {
                if (c1.ordinal() < c2.ordinal()) {
                    double d = attributeDiff(base.withColor(c1), base.withColor(c2));
                    assertTrue(d > 8, c1 + " vs " + c2 + ": " + d);
                }
            }
        }
        for (ObjectShape s1 : ObjectShape.values()) {
            for (ObjectShape s2 : ObjectShape.values()) {
                if (s1.ordinal() < s2.ordinal()) {
                    double d =
                            attributeDiff(
                                    new ObjectAttributes(
                                            ObjectSize.SMALL, ObjectColor.RED, Material.RUBBER, s1),
                                    new ObjectAttributes(
                                            ObjectSize.SMALL,
                                            ObjectColor.RED,
                                            Material.RUBBER,
                                            s2));
                    assertTrue(d > 8, s1 + " vs " + s2 + ": " + d);
                }
            }
        }
        ObjectAttributes small = base.withColor(ObjectColor.BLUE);
        ObjectAttributes large =
                new ObjectAttributes(
                        ObjectSize.LARGE, small.color(), small.material(), small.shape());
        assertTrue(attributeDiff(small, large) > 8);
        assertTrue(
                CAMERA.radius(single(large)) / CAMERA.radius(single(small)) > 1.5,
                "large must look clearly larger than small at the same depth");
    }

    @Test
    void shouldGiveMetalMoreContrastThanRubberWhenSameObject() {
        for (ObjectColor color : ObjectColor.values()) {
            for (ObjectShape shape : ObjectShape.values()) {
                ObjectAttributes rubber =
                        new ObjectAttributes(ObjectSize.SMALL, color, Material.RUBBER, shape);
                ObjectAttributes metal = rubber.withMaterial(Material.METAL);
                Rectangle2D box = CAMERA.bodyBounds(single(rubber));
                Scene rubberScene = new Scene(List.of(single(rubber)));
                Scene metalScene = new Scene(List.of(single(metal)));
                // Over the object only: shrink the box so background pixels do not dominate.
                Rectangle2D inner =
                        new Rectangle2D.Double(
                                box.getX() + box.getWidth() * 0.2,
                                box.getY() + box.getHeight() * 0.2,
                                box.getWidth() * 0.6,
                                box.getHeight() * 0.6);
                double r = Pixels.luminanceSpread(render(rubberScene), inner);
                double m = Pixels.luminanceSpread(render(metalScene), inner);
                assertTrue(m > r * 1.3, color + " " + shape + ": metal " + m + " rubber " + r);
            }
        }
    }

    @Test
    void shouldDrawTheNearerObjectOnTopWhenObjectsOverlap() {
        SceneObject far =
                new SceneObject(
                        new ObjectAttributes(
                                ObjectSize.LARGE,
                                ObjectColor.RED,
                                Material.RUBBER,
                                ObjectShape.SPHERE),
                        0.5,
                        0.45);
        SceneObject near =
                new SceneObject(
                        new ObjectAttributes(
                                ObjectSize.LARGE,
                                ObjectColor.BLUE,
                                Material.RUBBER,
                                ObjectShape.CUBE),
                        0.5,
                        0.35);
        BufferedImage a = render(new Scene(List.of(far, near)));
        BufferedImage b = render(new Scene(List.of(near, far)));
        assertTrue(Pixels.identical(a, b, new Rectangle2D.Double(0, 0, SIZE, SIZE)));
        Point2D c = CAMERA.center(near);
        Color pixel = new Color(a.getRGB((int) c.getX(), (int) c.getY()));
        assertTrue(pixel.getBlue() > pixel.getRed() + 60, "blue cube hidden behind: " + pixel);
    }
}
