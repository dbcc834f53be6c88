package io.capstream.data.clevr;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Random scene layout: objects inside the frame, with at most a sliver of overlap so every
 * attribute of every object stays visible. Checks run in a fixed layout resolution, so a seed gives
 * the same scene at every image size.
 */
final class ScenePlacer {
    static final int MIN_OBJECTS = 3;
    static final int MAX_OBJECTS = 7;

    // Layout is size-independent: every FloorCamera quantity scales linearly with the image side.
    private static final FloorCamera LAYOUT = new FloorCamera(1000);
    private static final double MARGIN = 0.02 * LAYOUT.size();
    private static final double MIN_GAP = 1.0;
    private static final int ATTEMPTS = 60;

    private ScenePlacer() {}

    /** A uniformly random attribute combination. */
    static ObjectAttributes randomAttributes(SplittableRandom random) {
        return new ObjectAttributes(
                ObjectSize.values()[random.nextInt(ObjectSize.values().length)],
                ObjectColor.values()[random.nextInt(ObjectColor.values().length)],
                Material.values()[random.nextInt(Material.values().length)],
                ObjectShape.values()[random.nextInt(ObjectShape.values().length)]);
    }

    /** A scene of {@code count} distinct objects, or empty when this draw could not fit them. */
    static Optional<Scene> randomScene(int count, SplittableRandom random) {
        Scene scene = new Scene(List.of());
        while (scene.objects().size() < count) {
            ObjectAttributes a = randomAttributes(random);
            if (scene.contains(a)) {
                continue;
            }
            Optional<SceneObject> placed = place(a, scene.objects(), random);
            if (placed.isEmpty()) {
                return Optional.empty();
            }
            scene = scene.with(placed.get());
        }
        return Optional.of(scene);
    }

    /** {@code a} at a random free position among {@code others}, if one is found. */
    static Optional<SceneObject> place(
            ObjectAttributes a, List<SceneObject> others, SplittableRandom random) {
        for (int i = 0; i < ATTEMPTS; i++) {
            SceneObject o = new SceneObject(a, coordinate(random), coordinate(random));
            if (fits(o, others)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code o} lies inside the frame and does not cover any of {@code others}. */
    static boolean fits(SceneObject o, List<SceneObject> others) {
        Rectangle2D body = LAYOUT.bodyBounds(o);
        if (body.getMinX() < MARGIN
                || body.getMaxX() > LAYOUT.size() - MARGIN
                || body.getMinY() < MARGIN) {
            return false;
        }
        for (SceneObject other : others) {
            if (other != o && overlaps(o, other)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the two drawn objects would overlap by more than a sliver. */
    static boolean overlaps(SceneObject a, SceneObject b) {
        Point2D ca = LAYOUT.center(a);
        Point2D cb = LAYOUT.center(b);
        return ca.distance(cb) < MIN_GAP * (LAYOUT.extent(a) + LAYOUT.extent(b));
    }

    /** Screen distance between the two objects' centres, in units of the image side. */
    static double screenDistance(SceneObject a, SceneObject b) {
        return LAYOUT.center(a).distance(LAYOUT.center(b)) / LAYOUT.size();
    }

    // Four decimals keep the JSON short and the scene exactly reproducible from it.
    private static double coordinate(SplittableRandom random) {
        return Math.round(random.nextDouble() * 10_000) / 10_000.0;
    }
}
