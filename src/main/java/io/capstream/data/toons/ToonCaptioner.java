package io.capstream.data.toons;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the reference captions of a scene: {@link #CAPTIONS_PER_IMAGE} captions from different
 * templates, each saying who (count, colour, kind), doing what, and where, plus the second
 * character and its position when there is one. Lower case, no punctuation, at most {@link
 * #MAX_WORDS} words, and nothing that is not in the picture.
 */
public final class ToonCaptioner {
    /** Reference captions per image. */
    public static final int CAPTIONS_PER_IMAGE = 5;

    /** Longest caption, in words. */
    public static final int MAX_WORDS = 20;

    /** The caption templates; the group is always the first character mentioned. */
    public enum Template {
        /** "two blue robots are dancing on the beach". */
        PROGRESSIVE,
        /** "a red cat jumps in the park". */
        SIMPLE,
        /** "in the park a red cat jumps". */
        SETTING_FIRST,
        /** "there are two blue robots dancing on the beach". */
        THERE_IS,
        /** "on the beach there are two blue robots dancing". */
        SETTING_THERE_IS,
        /** "a jumping red cat in the park" (actions with an attributive participle only). */
        ADJECTIVE,
        /** "a park with two red cats jumping". */
        SETTING_WITH,
        /** "the two red cats are jumping in the park". */
        DEFINITE,
        /**
         * "a sleeping white dog lies under the stars in space" (sleeping, not for ghosts, which
         * sleep upright).
         */
        LIES,
        /** "two red cats dance in the park and a yellow bird flies above them" (second only). */
        AND_CLAUSE,
        /**
         * "a red cat is sitting in the park while a blue bird is flying above it" (second only).
         */
        WHILE_CLAUSE;

        boolean appliesTo(ToonScene scene) {
            switch (this) {
                case ADJECTIVE:
                    return scene.group().action().adjective();
                case LIES:
                    return scene.group().action() == Action.SLEEPING
                            && scene.group().kind() != Kind.GHOST;
                case AND_CLAUSE:
                case WHILE_CLAUSE:
                    return scene.second().isPresent();
                default:
                    return true;
            }
        }
    }

    private ToonCaptioner() {}

    /**
     * A caption and the template it came from.
     *
     * @param template the template
     * @param text the caption
     */
    public record Caption(Template template, String text) {}

    /**
     * The reference captions of {@code scene}; the same generator state gives the same captions.
     */
    public static List<String> captions(ToonScene scene, Random rng) {
        return written(scene, rng).stream().map(Caption::text).toList();
    }

    /** Like {@link #captions}, with the template of each caption. */
    public static List<Caption> written(ToonScene scene, Random rng) {
        List<Template> templates = new ArrayList<>();
        for (Template t : Template.values()) {
            if (t.appliesTo(scene)) {
                templates.add(t);
            }
        }
        shuffle(templates, rng);
        List<Caption> out = new ArrayList<>();
        for (Template t : templates) {
            // synonyms and long setting phrases can push a caption past the limit: retry a few
            for (int attempt = 0; attempt < 6 && out.size() < CAPTIONS_PER_IMAGE; attempt++) {
                String caption = write(t, scene, rng);
                if (caption.split(" ").length <= MAX_WORDS
                        && out.stream().noneMatch(c -> c.text().equals(caption))) {
                    out.add(new Caption(t, caption));
                    break;
                }
            }
        }
        if (out.size() < CAPTIONS_PER_IMAGE) {
            throw new IllegalStateException("only " + out.size() + " captions for " + scene);
        }
        return List.copyOf(out);
    }

    /** One caption from template {@code t}, which must apply to {@code scene}. */
    public static String write(Template t, ToonScene scene, Random rng) {
        return new CaptionWriter(scene, rng).write(t);
    }

    private static <T> void shuffle(List<T> list, Random rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
    }
}
