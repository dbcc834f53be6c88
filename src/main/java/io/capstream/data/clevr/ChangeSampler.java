package io.capstream.data.clevr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/** Applies one random semantic change of a given type to a scene. */
final class ChangeSampler {
    /** A moved object travels at least this far on screen (fraction of the image side). */
    static final double MIN_MOVE = 0.25;

    private static final int ATTEMPTS = 60;

    private ChangeSampler() {}

    /** A before scene plus the change applied to it and the resulting after scene. */
    record Changed(Scene after, SceneChange change) {}

    /** The change, or empty when this scene allows no change of {@code type} (caller redraws). */
    static Optional<Changed> apply(ChangeType type, Scene before, SplittableRandom random) {
        List<SceneObject> objects = before.objects();
        SceneObject target = objects.get(random.nextInt(objects.size()));
        return switch (type) {
            case COLOR -> recolor(before, target, random);
            case MATERIAL -> rematerial(before, target);
            case ADD -> add(before, random);
            case DROP -> Optional.of(changed(type, before.without(target), target, null));
            case MOVE -> move(before, target, random);
            case NO_CHANGE ->
                    throw new IllegalArgumentException("no-change is not a semantic change");
        };
    }

    private static Optional<Changed> recolor(
            Scene before, SceneObject target, SplittableRandom random) {
        List<ObjectColor> options = new ArrayList<>();
        for (ObjectColor c : ObjectColor.values()) {
            if (!before.contains(target.attributes().withColor(c))) {
                options.add(c); // excludes the current colour, which the scene contains
            }
        }
        if (options.isEmpty()) {
            return Optional.empty();
        }
        ObjectColor color = options.get(random.nextInt(options.size()));
        SceneObject after = target.withAttributes(target.attributes().withColor(color));
        return Optional.of(changed(ChangeType.COLOR, before.replace(target, after), target, after));
    }

    private static Optional<Changed> rematerial(Scene before, SceneObject target) {
        ObjectAttributes swapped =
                target.attributes().withMaterial(target.attributes().material().other());
        if (before.contains(swapped)) {
            return Optional.empty();
        }
        SceneObject after = target.withAttributes(swapped);
        return Optional.of(
                changed(ChangeType.MATERIAL, before.replace(target, after), target, after));
    }

    private static Optional<Changed> add(Scene before, SplittableRandom random) {
        ObjectAttributes a = ScenePlacer.randomAttributes(random);
        if (before.contains(a)) {
            return Optional.empty();
        }
        return ScenePlacer.place(a, before.objects(), random)
                .map(o -> changed(ChangeType.ADD, before.with(o), null, o));
    }

    private static Optional<Changed> move(
            Scene before, SceneObject target, SplittableRandom random) {
        Scene rest = before.without(target);
        for (int i = 0; i < ATTEMPTS; i++) {
            Optional<SceneObject> moved =
                    ScenePlacer.place(target.attributes(), rest.objects(), random);
            if (moved.isPresent() && ScenePlacer.screenDistance(target, moved.get()) >= MIN_MOVE) {
                return Optional.of(
                        changed(
                                ChangeType.MOVE,
                                before.replace(target, moved.get()),
                                target,
                                moved.get()));
            }
        }
        return Optional.empty();
    }

    private static Changed changed(
            ChangeType type, Scene after, SceneObject beforeObject, SceneObject afterObject) {
        return new Changed(
                after,
                new SceneChange(
                        type, Optional.ofNullable(beforeObject), Optional.ofNullable(afterObject)));
    }
}
