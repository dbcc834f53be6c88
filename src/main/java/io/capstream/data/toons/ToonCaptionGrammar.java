package io.capstream.data.toons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Parses toon captions back into their meaning. It reads every caption {@link ToonCaptioner} can
 * write (all templates, synonyms and relations) and returns empty for anything else.
 *
 * <p>{@link #parse} is lenient about agreement ("two red cat is jumping" still means two cats, by
 * the number word), so a model's slightly ungrammatical caption is scored on its content; {@link
 * #parseStrict} also demands correct plurals, verb agreement, articles and pronouns.
 */
public final class ToonCaptionGrammar {
    private ToonCaptionGrammar() {}

    /** The meaning of {@code caption}, or empty if it is not a toon caption. */
    public static Optional<ToonMeaning> parse(String caption) {
        return parse(caption, false);
    }

    /** Like {@link #parse}, but also empty when agreement or articles are wrong. */
    public static Optional<ToonMeaning> parseStrict(String caption) {
        return parse(caption, true);
    }

    private static Optional<ToonMeaning> parse(String caption, boolean strict) {
        List<String> tokens = tokens(caption);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        for (Function<ToonParser, ToonMeaning> form : FORMS) {
            ToonParser p = new ToonParser(tokens);
            try {
                ToonMeaning m = form.apply(p);
                p.end();
                if (!strict || p.grammatical()) {
                    return Optional.of(m);
                }
            } catch (ToonParser.NoMatch e) {
                // try the next sentence form
            }
        }
        return Optional.empty();
    }

    /** Lower-cased words; punctuation a model might emit is dropped. */
    static List<String> tokens(String caption) {
        List<String> out = new ArrayList<>();
        String cleaned = caption.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", " ");
        for (String t : cleaned.trim().split("\\s+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The sentence forms, one per template family; the group is always mentioned first. */
    private static final List<Function<ToonParser, ToonMeaning>> FORMS =
            List.of(
                    // [the] two red cats are jumping [to the left of a yellow bird] in the park
                    p -> {
                        ToonParser.Group g = p.group();
                        p.be(g.count());
                        Action a = p.participle(g.count());
                        ToonParser.Link link = p.optionalLink();
                        return p.meaning(g, a, link, p.locative());
                    },
                    // two red cats jump [...] in the park; a sleeping white dog lies [...] in space
                    p -> {
                        ToonParser.Group g = p.group();
                        Action a = p.verb(g);
                        ToonParser.Link link = p.optionalLink();
                        return p.meaning(g, a, link, p.locative());
                    },
                    // in the park two red cats jump [...]
                    p -> {
                        Setting s = p.locative();
                        ToonParser.Group g = p.group();
                        Action a = p.verb(g);
                        return p.meaning(g, a, p.optionalLink(), s);
                    },
                    // there are two red cats jumping [...] in the park
                    p -> {
                        p.word("there");
                        String be = p.beWord();
                        ToonParser.Group g = p.group();
                        p.agree(be.equals(ToonLexicon.be(g.count())));
                        Action a = p.participle(g.count());
                        ToonParser.Link link = p.optionalLink();
                        return p.meaning(g, a, link, p.locative());
                    },
                    // in the park there are two red cats jumping [...]
                    p -> {
                        Setting s = p.locative();
                        p.word("there");
                        String be = p.beWord();
                        ToonParser.Group g = p.group();
                        p.agree(be.equals(ToonLexicon.be(g.count())));
                        Action a = p.participle(g.count());
                        return p.meaning(g, a, p.optionalLink(), s);
                    },
                    // two jumping red cats [...] in the park
                    p -> {
                        ToonParser.Group g = p.group();
                        ToonParser.Link link = p.optionalLink();
                        return p.meaning(g, null, link, p.locative());
                    },
                    // a park with two red cats jumping [...]
                    p -> {
                        Setting s = p.settingNoun();
                        p.word("with");
                        ToonParser.Group g = p.group();
                        Action a = p.participle(g.count());
                        return p.meaning(g, a, p.optionalLink(), s);
                    },
                    // two red cats dance in the park and a yellow bird flies above them
                    p -> {
                        ToonParser.Group g = p.group();
                        Action a = p.verb(g);
                        Setting s = p.locative();
                        p.word("and");
                        ToonParser.Other o = p.other();
                        Action b = p.singularVerb();
                        return p.meaning(g, a, p.backReference(g, o, b), s);
                    },
                    // a red cat is sitting in the park while a blue bird is flying above it
                    p -> {
                        ToonParser.Group g = p.group();
                        p.be(g.count());
                        Action a = p.participle(g.count());
                        Setting s = p.locative();
                        p.word("while");
                        ToonParser.Other o = p.other();
                        p.word("is");
                        Action b = p.participle(1);
                        return p.meaning(g, a, p.backReference(g, o, b), s);
                    });
}
