package io.capstream.data.clevr;

import java.util.List;
import java.util.Map;

/**
 * The CLEVR-Change caption templates. {@code {obj}} stands for a referring expression "[size]
 * [colour] [material] [shape]" and {@code {value}} for the new colour or material. Both the caption
 * sampler and {@link ChangeCaptionGrammar} read this one table, so every caption the generator
 * writes can be parsed back.
 */
public final class CaptionTemplates {
    /** Placeholder for the referring expression (four words). */
    public static final String OBJECT = "{obj}";

    /** Placeholder for the new attribute value (one word). */
    public static final String VALUE = "{value}";

    private static final Map<ChangeType, List<String>> TEMPLATES =
            Map.of(
                    ChangeType.COLOR,
                    List.of(
                            "the {obj} changed to {value}",
                            "the {obj} became {value}",
                            "the {obj} turned {value}",
                            "the {obj} is now {value}",
                            "the {obj} has become {value}",
                            "the {obj} was painted {value}"),
                    ChangeType.MATERIAL,
                    List.of(
                            "the {obj} changed to {value}",
                            "the {obj} became {value}",
                            "the {obj} turned {value}",
                            "the {obj} is now {value}",
                            "the {obj} has become {value}"),
                    ChangeType.ADD,
                    List.of(
                            "someone added a {obj}",
                            "a {obj} has appeared",
                            "a {obj} has been newly placed",
                            "a {obj} has been added",
                            "there is a new {obj}",
                            "a new {obj} showed up"),
                    ChangeType.DROP,
                    List.of(
                            "the {obj} has disappeared",
                            "the {obj} is missing",
                            "the {obj} is gone",
                            "the {obj} is no longer there",
                            "someone removed the {obj}",
                            "the {obj} was removed"),
                    ChangeType.MOVE,
                    List.of(
                            "the {obj} changed its location",
                            "the {obj} moved",
                            "the {obj} is in a different location",
                            "the {obj} has been moved",
                            "someone moved the {obj}",
                            "the {obj} was moved elsewhere"),
                    ChangeType.NO_CHANGE,
                    List.of(
                            "there is no difference",
                            "the scene remains the same",
                            "nothing has changed",
                            "the two scenes seem identical",
                            "no change was made",
                            "there is no change",
                            "nothing was modified",
                            "no change has occurred",
                            "the scene is the same as before"));

    private CaptionTemplates() {}

    /** The templates of one change type, at least five. */
    public static List<String> of(ChangeType type) {
        return TEMPLATES.get(type);
    }
}
