package io.capstream.data.clevr;

import java.util.List;

/** CLEVR's two sizes; {@link #radius()} is the footprint radius as a fraction of the image side. */
public enum ObjectSize implements AttributeWord {
    SMALL(0.066, "small", "tiny"),
    LARGE(0.106, "large", "big");

    private final double radius;
    private final List<String> synonyms;

    ObjectSize(double radius, String... synonyms) {
        this.radius = radius;
        this.synonyms = List.of(synonyms);
    }

    /** Radius at the front of the floor, as a fraction of the image side. */
    public double radius() {
        return radius;
    }

    @Override
    public List<String> synonyms() {
        return synonyms;
    }
}
