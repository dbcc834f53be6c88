package io.capstream.data.toons;

import java.util.Locale;

/**
 * What a character is doing. Each action changes the drawing visibly (pose, limbs and a cue such as
 * a shadow, "z" marks, motion lines, food or music notes).
 */
public enum Action {
    STANDING("standing", "stands", "stand", false),
    SITTING("sitting", "sits", "sit", false),
    JUMPING("jumping", "jumps", "jump", true),
    RUNNING("running", "runs", "run", true),
    WAVING("waving", "waves", "wave", true),
    SLEEPING("sleeping", "sleeps", "sleep", true),
    EATING("eating", "eats", "eat", false),
    DANCING("dancing", "dances", "dance", true),
    /** Birds only: wings spread, high up. */
    FLYING("flying", "flies", "fly", true),
    /** Ghosts only: the ghost's resting pose, hovering. */
    FLOATING("floating", "floats", "float", true),
    /** Fish only: the fish's resting pose, with bubbles. */
    SWIMMING("swimming", "swims", "swim", true);

    private final String ing;
    private final String singular;
    private final String plural;
    private final boolean adjective;

    Action(String ing, String singular, String plural, boolean adjective) {
        this.ing = ing;
        this.singular = singular;
        this.plural = plural;
        this.adjective = adjective;
    }

    /** The participle, e.g. "jumping". */
    public String ing() {
        return ing;
    }

    /** The present-tense verb agreeing with {@code count} subjects: "jumps" or "jump". */
    public String verb(int count) {
        return count == 1 ? singular : plural;
    }

    /** Whether the participle reads well before a noun ("a jumping cat", not "an eating cat"). */
    public boolean adjective() {
        return adjective;
    }

    /** The JSON name, same as {@link #ing()}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
