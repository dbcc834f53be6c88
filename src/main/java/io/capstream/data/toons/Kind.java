package io.capstream.data.toons;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A kind of cartoon character, recognisable at 64 px by its silhouette. */
public enum Kind {
    /** Pointy ears, whiskers, long curled tail. */
    CAT("cat", "cats", humanoidActions()),
    /** Floppy ears, black nose, short tail. */
    DOG("dog", "dogs", humanoidActions()),
    /** Round body in profile, beak, head tuft, wings. */
    BIRD(
            "bird",
            "birds",
            EnumSet.of(
                    Action.STANDING,
                    Action.FLYING,
                    Action.RUNNING,
                    Action.WAVING,
                    Action.SLEEPING,
                    Action.EATING,
                    Action.DANCING)),
    /** Square head with an antenna, box body. */
    ROBOT("robot", "robots", humanoidActions()),
    /** Dome top and wavy bottom, no legs; always hovers. */
    GHOST(
            "ghost",
            "ghosts",
            EnumSet.of(
                    Action.FLOATING,
                    Action.WAVING,
                    Action.SLEEPING,
                    Action.EATING,
                    Action.DANCING)),
    /** Oval body in profile with tail and dorsal fins. */
    FISH(
            "fish",
            "fish",
            EnumSet.of(Action.SWIMMING, Action.JUMPING, Action.SLEEPING, Action.EATING));

    private final String word;
    private final String plural;
    private final Set<Action> actions;

    Kind(String word, String plural, Set<Action> actions) {
        this.word = word;
        this.plural = plural;
        this.actions = actions;
    }

    private static Set<Action> humanoidActions() {
        return EnumSet.of(
                Action.STANDING,
                Action.SITTING,
                Action.JUMPING,
                Action.RUNNING,
                Action.WAVING,
                Action.SLEEPING,
                Action.EATING,
                Action.DANCING);
    }

    /** The singular noun, e.g. "cat". */
    public String word() {
        return word;
    }

    /** The plural noun, e.g. "cats" ("fish" for fish). */
    public String plural() {
        return plural;
    }

    /** The noun for {@code count} characters. */
    public String noun(int count) {
        return count == 1 ? word : plural;
    }

    /** The actions this kind can be drawn doing (a fish neither sits nor waves). */
    public Set<Action> actions() {
        return EnumSet.copyOf(actions);
    }

    /** The JSON name, e.g. "cat". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
