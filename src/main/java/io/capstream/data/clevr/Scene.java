package io.capstream.data.clevr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The objects of one picture. Attribute combinations are unique, so every referring expression
 * names exactly one object.
 */
public record Scene(List<SceneObject> objects) {
    public Scene {
        objects = List.copyOf(objects);
        Set<ObjectAttributes> seen = new HashSet<>();
        for (SceneObject o : objects) {
            if (!seen.add(o.attributes())) {
                throw new IllegalArgumentException(
                        "scene has two objects that are " + o.attributes().describe());
            }
        }
    }

    public boolean contains(ObjectAttributes attributes) {
        return find(attributes).isPresent();
    }

    /** The object with exactly these attributes, if the scene has one. */
    public Optional<SceneObject> find(ObjectAttributes attributes) {
        return objects.stream().filter(o -> o.attributes().equals(attributes)).findFirst();
    }

    /** This scene with {@code added} appended. */
    public Scene with(SceneObject added) {
        List<SceneObject> list = new ArrayList<>(objects);
        list.add(added);
        return new Scene(list);
    }

    /** This scene without {@code removed}. */
    public Scene without(SceneObject removed) {
        List<SceneObject> list = new ArrayList<>(objects);
        if (!list.remove(removed)) {
            throw new IllegalArgumentException("scene has no object " + removed);
        }
        return new Scene(list);
    }

    /** This scene with {@code old} replaced by {@code replacement} at the same list position. */
    public Scene replace(SceneObject old, SceneObject replacement) {
        List<SceneObject> list = new ArrayList<>(objects);
        int i = list.indexOf(old);
        if (i < 0) {
            throw new IllegalArgumentException("scene has no object " + old);
        }
        list.set(i, replacement);
        return new Scene(list);
    }
}
