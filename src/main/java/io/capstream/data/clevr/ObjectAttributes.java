package io.capstream.data.clevr;

import java.util.Objects;

/**
 * What a referring expression names: the full attribute combination of an object. Unique within a
 * scene, so "the [size] [colour] [material] [shape]" always refers to exactly one object.
 */
public record ObjectAttributes(
        ObjectSize size, ObjectColor color, Material material, ObjectShape shape) {
    public ObjectAttributes {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(shape, "shape");
    }

    public ObjectAttributes withColor(ObjectColor newColor) {
        return new ObjectAttributes(size, newColor, material, shape);
    }

    public ObjectAttributes withMaterial(Material newMaterial) {
        return new ObjectAttributes(size, color, newMaterial, shape);
    }

    /** Canonical words, e.g. "small red metal cube". */
    public String describe() {
        return size.word() + " " + color.word() + " " + material.word() + " " + shape.word();
    }

    @Override
    public String toString() {
        return describe();
    }
}
