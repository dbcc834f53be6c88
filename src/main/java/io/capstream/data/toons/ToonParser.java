package io.capstream.data.toons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cursor over a caption's words with one method per phrase type. A method either consumes its
 * phrase or throws {@link NoMatch}; agreement mistakes are only recorded, so that the lenient and
 * the strict grammar share one parser.
 */
final class ToonParser {
    /** The words do not fit the phrase being read. */
    static final class NoMatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoMatch() {
            super(null, null, false, false);
        }
    }

    /** A group noun phrase: "the two leaping red cats". */
    record Group(int count, Action adjective, Colour colour, Kind kind) {}

    /** The second character's noun phrase: "a yellow bird". */
    record Other(Kind kind, Colour colour) {}

    /** The second character and where it is relative to the group. */
    record Link(Other other, Relation relation, Action action) {}

    private static final List<Map.Entry<List<String>, Action>> SINGULAR_PARTICIPLES =
            new ArrayList<>();
    private static final List<Map.Entry<List<String>, Action>> PLURAL_PARTICIPLES =
            new ArrayList<>();
    private static final List<Map.Entry<List<String>, Action>> ADJECTIVES = new ArrayList<>();
    private static final List<Map.Entry<List<String>, Action>> SINGULAR_VERBS = new ArrayList<>();
    private static final List<Map.Entry<List<String>, Action>> PLURAL_VERBS = new ArrayList<>();
    private static final List<Map.Entry<List<String>, Relation>> RELATIONS = new ArrayList<>();
    private static final List<Map.Entry<List<String>, Setting>> LOCATIVES = new ArrayList<>();
    private static final List<Map.Entry<List<String>, Setting>> SETTING_NOUNS = new ArrayList<>();

    static {
        for (Action a : Action.values()) {
            ToonLexicon.participles(a, 1).forEach(w -> add(SINGULAR_PARTICIPLES, w, a));
            ToonLexicon.participles(a, 2).forEach(w -> add(PLURAL_PARTICIPLES, w, a));
            ToonLexicon.adjectives(a).forEach(w -> add(ADJECTIVES, w, a));
            ToonLexicon.verbs(a, 1).forEach(w -> add(SINGULAR_VERBS, w, a));
            ToonLexicon.verbs(a, 2).forEach(w -> add(PLURAL_VERBS, w, a));
        }
        for (Relation r : Relation.values()) {
            r.phrases().forEach(w -> add(RELATIONS, w, r));
        }
        for (Setting s : Setting.values()) {
            s.locatives().forEach(w -> add(LOCATIVES, w, s));
            s.nounPhrases().forEach(w -> add(SETTING_NOUNS, w, s));
        }
    }

    private static <V> void add(List<Map.Entry<List<String>, V>> table, String phrase, V value) {
        table.add(Map.entry(Arrays.asList(phrase.split(" ")), value));
        // longest phrase first, so "eating a cookie" wins over "eating"
        table.sort(Comparator.comparingInt(e -> -e.getKey().size()));
    }

    private final List<String> words;
    private int pos;
    private boolean grammatical = true;

    ToonParser(List<String> words) {
        this.words = words;
    }

    boolean grammatical() {
        return grammatical;
    }

    /** Records whether a number, article or pronoun agreed. */
    void agree(boolean ok) {
        grammatical &= ok;
    }

    String next() {
        if (pos >= words.size()) {
            throw new NoMatch();
        }
        return words.get(pos++);
    }

    private String peek() {
        return pos < words.size() ? words.get(pos) : "";
    }

    void word(String expected) {
        if (!next().equals(expected)) {
            throw new NoMatch();
        }
    }

    void end() {
        if (pos != words.size()) {
            throw new NoMatch();
        }
    }

    private <V> Optional<V> optional(List<Map.Entry<List<String>, V>> table) {
        for (Map.Entry<List<String>, V> e : table) {
            List<String> phrase = e.getKey();
            if (pos + phrase.size() <= words.size()
                    && words.subList(pos, pos + phrase.size()).equals(phrase)) {
                pos += phrase.size();
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private <V> V required(List<Map.Entry<List<String>, V>> table) {
        return optional(table).orElseThrow(NoMatch::new);
    }

    /** "[the] (a|an|one|two|three) [adjective] colour noun", or "the colour noun". */
    Group group() {
        int count;
        String first = next();
        if (first.equals("the")) {
            int n = ToonLexicon.NUMBERS.indexOf(peek());
            count = n >= 1 ? n + 1 : 1;
            if (n >= 1) {
                pos++;
            }
        } else if (first.equals("a") || first.equals("an")) {
            count = 1;
            agree(first.equals(ToonLexicon.article(peek().isEmpty() ? "x" : peek())));
        } else {
            count = ToonLexicon.NUMBERS.indexOf(first) + 1;
            if (count == 0) {
                throw new NoMatch();
            }
        }
        Action adjective = optional(ADJECTIVES).orElse(null);
        Colour colour = colour();
        String noun = next();
        for (Kind k : Kind.values()) {
            if (noun.equals(k.word()) || noun.equals(k.plural())) {
                agree(noun.equals(k.noun(count)));
                return new Group(count, adjective, colour, k);
            }
        }
        throw new NoMatch();
    }

    /** "(a|an|the) colour noun" for the single second character. */
    Other other() {
        String article = next();
        if (!article.equals("a") && !article.equals("an") && !article.equals("the")) {
            throw new NoMatch();
        }
        if (!article.equals("the")) {
            agree(article.equals(ToonLexicon.article(peek().isEmpty() ? "x" : peek())));
        }
        Colour colour = colour();
        String noun = next();
        for (Kind k : Kind.values()) {
            if (noun.equals(k.word())) {
                return new Other(k, colour);
            }
        }
        throw new NoMatch();
    }

    private Colour colour() {
        String w = next();
        for (Colour c : Colour.values()) {
            if (w.equals(c.word())) {
                return c;
            }
        }
        throw new NoMatch();
    }

    void be(int count) {
        agree(beWord().equals(ToonLexicon.be(count)));
    }

    /** "is" or "are", before the subject is known ("there are ..."). */
    String beWord() {
        String w = next();
        if (!w.equals("is") && !w.equals("are")) {
            throw new NoMatch();
        }
        return w;
    }

    /** A participle phrase for {@code count} characters ("eating cookies" needs more than one). */
    Action participle(int count) {
        return agreeing(
                count == 1 ? SINGULAR_PARTICIPLES : PLURAL_PARTICIPLES,
                count == 1 ? PLURAL_PARTICIPLES : SINGULAR_PARTICIPLES);
    }

    /** A phrase from {@code right}, or from {@code wrong} recorded as an agreement mistake. */
    private Action agreeing(
            List<Map.Entry<List<String>, Action>> right,
            List<Map.Entry<List<String>, Action>> wrong) {
        Optional<Action> a = optional(right);
        if (a.isPresent()) {
            return a.get();
        }
        agree(false);
        return required(wrong);
    }

    /** A present-tense verb agreeing with the group, or "lie(s)" after a "sleeping" group. */
    Action verb(Group g) {
        String w = peek();
        if (w.equals("lies") || w.equals("lie")) {
            pos++;
            if (g.adjective() != Action.SLEEPING) {
                throw new NoMatch();
            }
            agree(w.equals(ToonLexicon.lie(g.count())));
            return Action.SLEEPING;
        }
        return g.count() == 1
                ? agreeing(SINGULAR_VERBS, PLURAL_VERBS)
                : agreeing(PLURAL_VERBS, SINGULAR_VERBS);
    }

    Action singularVerb() {
        return agreeing(SINGULAR_VERBS, PLURAL_VERBS);
    }

    Setting locative() {
        return required(LOCATIVES);
    }

    Setting settingNoun() {
        return required(SETTING_NOUNS);
    }

    /** An optional "relation second-character" phrase, where the group is relative to it. */
    Link optionalLink() {
        Optional<Relation> r = optional(RELATIONS);
        if (r.isEmpty()) {
            return null;
        }
        return new Link(other(), r.get().inverse(), null);
    }

    /** "relation it|them": where the second character is relative to the group. */
    Link backReference(Group g, Other o, Action action) {
        Relation r = required(RELATIONS);
        String pronoun = next();
        if (!pronoun.equals("it") && !pronoun.equals("them")) {
            throw new NoMatch();
        }
        agree(pronoun.equals(ToonLexicon.pronoun(g.count())));
        return new Link(o, r, action);
    }

    /** Combines the parts; the group's action comes from its verb or its adjective (not both). */
    ToonMeaning meaning(Group g, Action action, Link link, Setting setting) {
        if (action != null && g.adjective() != null && action != g.adjective()) {
            throw new NoMatch();
        }
        Action a = action != null ? action : g.adjective();
        if (a == null) {
            throw new NoMatch();
        }
        Optional<ToonMeaning.Other> second =
                link == null
                        ? Optional.empty()
                        : Optional.of(
                                new ToonMeaning.Other(
                                        link.other().kind(),
                                        link.other().colour(),
                                        Optional.ofNullable(link.action())));
        Optional<Relation> relation =
                link == null ? Optional.empty() : Optional.of(link.relation());
        return new ToonMeaning(g.kind(), g.colour(), a, g.count(), setting, second, relation);
    }
}
