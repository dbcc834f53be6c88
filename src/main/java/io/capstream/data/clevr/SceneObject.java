package io.capstream.data.clevr;

import java.util.Objects;

/**
 * An object standing on the floor.
 *
 * @param attributes what it is
 * @param x lateral floor position, 0 = left edge of the floor, 1 = right edge
 * @param depth distance from the camera across the floor, 0 = front, 1 = back
 */
public record SceneObject(ObjectAttributes attributes, double x, double depth) {
    public SceneObject {
        Objects.requireNonNull(attributes, "attributes");
        if (!(x >= 0 && x <= 1) || !(depth >= 0 && depth <= 1)) {
            throw new IllegalArgumentException(
                    "floor position must be in [0,1]², was x=" + x + " depth=" + depth);
        }
    }

    public SceneObject withAttributes(ObjectAttributes newAttributes) {
        return new SceneObject(newAttributes, x, depth);
    }

    public SceneObject movedTo(double newX, double newDepth) {
        return new SceneObject(attributes, newX, newDepth);
    }
}
