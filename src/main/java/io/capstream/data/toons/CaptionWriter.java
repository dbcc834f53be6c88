package io.capstream.data.toons;

import static io.capstream.data.toons.ToonLexicon.article;
import static io.capstream.data.toons.ToonLexicon.be;

import io.capstream.data.toons.ToonCaptioner.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Fills one caption template for one scene, choosing synonyms with the scene's generator. */
final class CaptionWriter {
    /** How often a side-by-side relation is written as the vaguer "next to"/"beside". */
    private static final double BESIDE_PROBABILITY = 0.3;

    private final ToonScene scene;
    private final Random rng;
    private final int n;
    private final Action action;

    CaptionWriter(ToonScene scene, Random rng) {
        this.scene = scene;
        this.rng = rng;
        this.n = scene.count();
        this.action = scene.group().action();
    }

    String write(Template t) {
        switch (t) {
            case PROGRESSIVE:
                return join(group(null), be(n), participle(), relation(), place());
            case SIMPLE:
                return join(group(null), verb(), relation(), place());
            case SETTING_FIRST:
                return join(place(), group(null), verb(), relation());
            case THERE_IS:
                return join("there", be(n), group(null), participle(), relation(), place());
            case SETTING_THERE_IS:
                return join(place(), "there", be(n), group(null), participle(), relation());
            case ADJECTIVE:
                return join(group(pick(ToonLexicon.adjectives(action))), relation(), place());
            case SETTING_WITH:
                return join(
                        pick(scene.setting().nounPhrases()),
                        "with",
                        group(null),
                        participle(),
                        relation());
            case DEFINITE:
                return join(definiteGroup(), be(n), participle(), relation(), place());
            case LIES:
                return join(group("sleeping"), ToonLexicon.lie(n), relation(), place());
            case AND_CLAUSE:
                return join(
                        group(null),
                        verb(),
                        place(),
                        "and",
                        second(),
                        pick(ToonLexicon.verbs(other(), 1)),
                        backReference());
            case WHILE_CLAUSE:
                return join(
                        group(null),
                        be(n),
                        participle(),
                        place(),
                        "while",
                        second(),
                        "is",
                        pick(ToonLexicon.participles(other(), 1)),
                        backReference());
            default:
                throw new IllegalArgumentException("unknown template " + t);
        }
    }

    /** "two red cats", "a jumping red cat", "one orange fish". */
    private String group(String adjective) {
        String rest = join(adjective, scene.group().colour().word(), scene.group().kind().noun(n));
        if (n > 1) {
            return join(ToonLexicon.NUMBERS.get(n - 1), rest);
        }
        return join(rng.nextInt(5) == 0 ? "one" : article(rest), rest);
    }

    /** "the red cat", "the two red cats". */
    private String definiteGroup() {
        String rest = join(scene.group().colour().word(), scene.group().kind().noun(n));
        return n == 1 ? join("the", rest) : join("the", ToonLexicon.NUMBERS.get(n - 1), rest);
    }

    private String participle() {
        return pick(ToonLexicon.participles(action, n));
    }

    private String verb() {
        return pick(ToonLexicon.verbs(action, n));
    }

    private String place() {
        return pick(scene.setting().locatives());
    }

    private Action other() {
        return scene.second().orElseThrow().action();
    }

    /** "a yellow bird". */
    private String second() {
        Actor a = scene.second().orElseThrow();
        String rest = join(a.colour().word(), a.kind().word());
        return join(article(rest), rest);
    }

    /** Where the group is relative to the second character: "to the left of a yellow bird". */
    private String relation() {
        if (scene.second().isEmpty()) {
            return null;
        }
        return join(phrase(scene.relation().get().inverse()), second());
    }

    /** Where the second character is relative to the group: "above them". */
    private String backReference() {
        return join(phrase(scene.relation().get()), ToonLexicon.pronoun(n));
    }

    private String phrase(Relation r) {
        if (r.horizontal() && rng.nextDouble() < BESIDE_PROBABILITY) {
            return pick(Relation.BESIDE.phrases());
        }
        return pick(r.phrases());
    }

    private String pick(List<String> options) {
        return options.get(rng.nextInt(options.size()));
    }

    private static String join(String... parts) {
        List<String> words = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                words.add(p);
            }
        }
        return String.join(" ", words);
    }
}
