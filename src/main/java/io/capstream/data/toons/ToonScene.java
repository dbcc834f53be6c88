package io.capstream.data.toons;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One picture: a group of 1–3 identical characters, optionally a second character of another kind
 * and colour with its position relative to the group, in one setting.
 *
 * @param setting where it takes place
 * @param group what every group member is
 * @param count how many group members, 1 to 3
 * @param second the second character, if any
 * @param relation where the second character is relative to the group; present exactly when {@code
 *     second} is
 * @param groundY where the ground line is (fraction of the image height)
 * @param figures the placed characters in drawing order (back to front): group members, then the
 *     second
 * @param detailSeed seeds the background details (tree, stars, windows), which captions never
 *     mention
 */
public record ToonScene(
        Setting setting,
        Actor group,
        int count,
        Optional<Actor> second,
        Optional<Relation> relation,
        double groundY,
        List<Figure> figures,
        long detailSeed) {
    public ToonScene {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(group, "group");
        if (count < 1 || count > 3) {
            throw new IllegalArgumentException("count must be 1 to 3, was " + count);
        }
        if (second.isPresent() != relation.isPresent()) {
            throw new IllegalArgumentException("a second character needs a relation and back");
        }
        if (second.isPresent() && second.get().kind() == group.kind()) {
            throw new IllegalArgumentException("the second character must be of another kind");
        }
        if (relation.isPresent() && relation.get() == Relation.BESIDE) {
            throw new IllegalArgumentException("a drawn scene needs a side, not 'beside'");
        }
        figures = List.copyOf(figures);
    }

    /** What the picture shows, in the form captions are parsed into. */
    public ToonMeaning meaning() {
        return new ToonMeaning(
                group.kind(),
                group.colour(),
                group.action(),
                count,
                setting,
                second.map(
                        a -> new ToonMeaning.Other(a.kind(), a.colour(), Optional.of(a.action()))),
                relation);
    }
}
