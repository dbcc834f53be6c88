package io.capstream.data.toons;

import java.util.Optional;

/**
 * The meaning of a toon caption: the group (kind, colour, action, count), the setting, and
 * optionally a second character and where it is relative to the group.
 *
 * @param kind the group's kind
 * @param colour the group's colour
 * @param action the group's action
 * @param count how many group members
 * @param setting where it takes place
 * @param second the second character, if mentioned
 * @param relation where the second character is relative to the group, if stated
 */
public record ToonMeaning(
        Kind kind,
        Colour colour,
        Action action,
        int count,
        Setting setting,
        Optional<Other> second,
        Optional<Relation> relation) {

    /**
     * The second character.
     *
     * @param kind its kind
     * @param colour its colour
     * @param action its action, when the caption states it
     */
    public record Other(Kind kind, Colour colour, Optional<Action> action) {}

    /**
     * Whether everything this meaning states is true of {@code truth} (a caption may leave out the
     * second character's action and may say "next to" for left or right).
     */
    public boolean consistentWith(ToonMeaning truth) {
        if (kind != truth.kind
                || colour != truth.colour
                || action != truth.action
                || count != truth.count
                || setting != truth.setting
                || second.isPresent() != truth.second.isPresent()) {
            return false;
        }
        if (second.isEmpty()) {
            return true;
        }
        Other mine = second.get();
        Other real = truth.second.get();
        boolean actionOk = mine.action().isEmpty() || mine.action().equals(real.action());
        boolean relationOk =
                relation.isEmpty() || relation.get().holdsFor(truth.relation.orElseThrow());
        return mine.kind() == real.kind()
                && mine.colour() == real.colour()
                && actionOk
                && relationOk;
    }
}
