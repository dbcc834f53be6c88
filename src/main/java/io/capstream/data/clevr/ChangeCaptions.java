package io.capstream.data.clevr;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes reference captions for a change: each from a different template, with synonyms drawn
 * independently, so the references vary in wording but all say exactly {@link
 * SceneChange#meaning()}.
 */
public final class ChangeCaptions {
    /** Reference captions per pair. */
    public static final int PER_PAIR = 5;

    private ChangeCaptions() {}

    /** {@link #PER_PAIR} captions, each from a different template of the change's type. */
    public static List<String> sample(SceneChange change, SplittableRandom random) {
        List<String> templates = new ArrayList<>(CaptionTemplates.of(change.type()));
        // Partial Fisher-Yates: the first PER_PAIR entries become a uniform random subset.
        for (int i = 0; i < PER_PAIR; i++) {
            int j = i + random.nextInt(templates.size() - i);
            String t = templates.get(i);
            templates.set(i, templates.get(j));
            templates.set(j, t);
        }
        List<String> captions = new ArrayList<>(PER_PAIR);
        for (String template : templates.subList(0, PER_PAIR)) {
            captions.add(fill(template, change, random));
        }
        return captions;
    }

    /** The template with its placeholders filled with words for {@code change}. */
    static String fill(String template, SceneChange change, SplittableRandom random) {
        String caption = template;
        if (caption.contains(CaptionTemplates.OBJECT)) {
            caption =
                    caption.replace(
                            CaptionTemplates.OBJECT,
                            ReferringExpression.sample(change.referent().orElseThrow(), random));
        }
        if (caption.contains(CaptionTemplates.VALUE)) {
            ObjectAttributes after = change.after().orElseThrow().attributes();
            AttributeWord value =
                    change.type() == ChangeType.COLOR ? after.color() : after.material();
            caption =
                    caption.replace(
                            CaptionTemplates.VALUE, ReferringExpression.pick(value, random));
        }
        return caption;
    }
}
