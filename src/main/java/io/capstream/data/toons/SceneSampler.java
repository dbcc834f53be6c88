package io.capstream.data.toons;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Draws a random scene from the scene grammar: a group of 1–3 identical characters, with
 * probability {@link #SECOND_PROBABILITY} a second character of another kind and colour, in one
 * setting. Every choice that a caption can mention comes from the grammar; everything else (exact
 * positions, sizes, facing, background details) is nuisance variation.
 */
public final class SceneSampler {
    /** How often a scene has a second character. */
    public static final double SECOND_PROBABILITY = 0.4;

    private SceneSampler() {}

    /** Samples a scene; the same generator state gives the same scene. */
    public static ToonScene sample(Random rng) {
        Setting setting = pick(rng, Setting.values());
        Actor group = actor(rng, pick(rng, Kind.values()), null);
        int count = 1 + rng.nextInt(3);
        Optional<Actor> second = Optional.empty();
        Optional<Relation> relation = Optional.empty();
        if (rng.nextDouble() < SECOND_PROBABILITY) {
            Kind kind;
            do {
                kind = pick(rng, Kind.values());
            } while (kind == group.kind());
            Actor other = actor(rng, kind, group.colour());
            List<Relation> possible = new ArrayList<>(List.of(Relation.LEFT_OF, Relation.RIGHT_OF));
            if (other.hovers()) {
                possible.add(Relation.ABOVE);
            }
            if (group.hovers()) {
                possible.add(Relation.BELOW);
            }
            second = Optional.of(other);
            relation = Optional.of(possible.get(rng.nextInt(possible.size())));
        }
        return compose(rng, setting, group, count, second, relation);
    }

    /**
     * Lays out a scene whose content is given; only nuisance variation (positions, sizes, facing,
     * background details) comes from {@code rng}. Tests use it to render scenes that differ in one
     * attribute.
     */
    public static ToonScene compose(
            Random rng,
            Setting setting,
            Actor group,
            int count,
            Optional<Actor> second,
            Optional<Relation> relation) {
        double groundY = 0.83 + 0.04 * rng.nextDouble();
        List<Figure> figures = SceneLayout.place(rng, group, count, second, relation, groundY);
        return new ToonScene(
                setting, group, count, second, relation, groundY, figures, rng.nextLong());
    }

    private static Actor actor(Random rng, Kind kind, Colour notThis) {
        Colour colour;
        do {
            colour = pick(rng, Colour.values());
        } while (colour == notThis);
        Action[] actions = kind.actions().toArray(new Action[0]);
        return new Actor(kind, colour, pick(rng, actions));
    }

    private static <T> T pick(Random rng, T[] values) {
        return values[rng.nextInt(values.length)];
    }
}
