package io.capstream.data.toons;

import java.util.List;

/**
 * The words captions use, shared by the caption writer and the grammar so that every phrase one
 * writes the other reads. Synonyms only where the meaning is the same and visible ("leaping" for
 * jumping, "eating a cookie": the cookie is drawn).
 */
final class ToonLexicon {
    private ToonLexicon() {}

    /** Number words for 1, 2, 3 (1 is usually written with an article instead). */
    static final List<String> NUMBERS = List.of("one", "two", "three");

    /** "a" or "an", whichever goes before {@code next}. */
    static String article(String next) {
        return "aeiou".indexOf(next.charAt(0)) >= 0 ? "an" : "a";
    }

    /**
     * Participle phrases for an action of {@code count} characters, after "is"/"are" or a noun; the
     * first is the plain one.
     */
    static List<String> participles(Action action, int count) {
        switch (action) {
            case SLEEPING:
                return List.of("sleeping", "asleep");
            case JUMPING:
                return List.of("jumping", "leaping");
            case EATING:
                return List.of("eating", count == 1 ? "eating a cookie" : "eating cookies");
            case SITTING:
                return List.of("sitting", "sitting down");
            default:
                return List.of(action.ing());
        }
    }

    /** Participles that can stand before a noun ("a leaping cat"); empty when none reads well. */
    static List<String> adjectives(Action action) {
        if (!action.adjective()) {
            return List.of();
        }
        return action == Action.JUMPING ? List.of("jumping", "leaping") : List.of(action.ing());
    }

    /**
     * Present-tense verb phrases agreeing with {@code count} subjects; the first is the plain one.
     */
    static List<String> verbs(Action action, int count) {
        boolean one = count == 1;
        switch (action) {
            case JUMPING:
                return one ? List.of("jumps", "leaps") : List.of("jump", "leap");
            case EATING:
                return one ? List.of("eats", "eats a cookie") : List.of("eat", "eat cookies");
            case SITTING:
                return one ? List.of("sits", "sits down") : List.of("sit", "sit down");
            default:
                return List.of(action.verb(count));
        }
    }

    /** The verb that goes with a "sleeping" adjective: "a sleeping dog lies ...". */
    static String lie(int count) {
        return count == 1 ? "lies" : "lie";
    }

    static String be(int count) {
        return count == 1 ? "is" : "are";
    }

    static String pronoun(int count) {
        return count == 1 ? "it" : "them";
    }
}
