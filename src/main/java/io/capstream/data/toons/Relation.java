package io.capstream.data.toons;

import java.util.List;
import java.util.Locale;

/**
 * Where one character is relative to another. The ground truth stores where the second character is
 * relative to the group; {@link #BESIDE} only appears in parsed captions ("next to"), which do not
 * say which side.
 */
public enum Relation {
    LEFT_OF(List.of("to the left of")),
    RIGHT_OF(List.of("to the right of")),
    ABOVE(List.of("above", "over")),
    BELOW(List.of("below")),
    BESIDE(List.of("next to", "beside"));

    private final List<String> phrases;

    Relation(List<String> phrases) {
        this.phrases = phrases;
    }

    /** Phrases a caption may use for this relation. */
    public List<String> phrases() {
        return phrases;
    }

    /** The relation seen from the other character: left of becomes right of. */
    public Relation inverse() {
        switch (this) {
            case LEFT_OF:
                return RIGHT_OF;
            case RIGHT_OF:
                return LEFT_OF;
            case ABOVE:
                return BELOW;
            case BELOW:
                return ABOVE;
            default:
                return BESIDE;
        }
    }

    /** Whether a stated relation is true of the actual one ("beside" is true of left and right). */
    public boolean holdsFor(Relation actual) {
        if (this == actual) {
            return true;
        }
        return this == BESIDE && (actual == LEFT_OF || actual == RIGHT_OF);
    }

    /** Whether the characters are side by side (as opposed to one above the other). */
    public boolean horizontal() {
        return this == LEFT_OF || this == RIGHT_OF || this == BESIDE;
    }

    /** The JSON name, e.g. "left_of". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
