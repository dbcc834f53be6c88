package io.capstream.data.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeCaptionGrammarTest {
    private static List<ObjectAttributes> everyObject() {
        List<ObjectAttributes> all = new ArrayList<>();
        for (ObjectSize size : ObjectSize.values()) {
            for (ObjectColor color : ObjectColor.values()) {
                for (Material material : Material.values()) {
                    for (ObjectShape shape : ObjectShape.values()) {
                        all.add(new ObjectAttributes(size, color, material, shape));
                    }
                }
            }
        }
        return all;
    }

    /** Every template × every referring-expression synonym × every value synonym parses back. */
    @Test
    void shouldRecoverMeaningWhenAnyTemplateAndSynonymIsParsed() {
        int parsed = 0;
        for (ObjectAttributes object : everyObject()) {
            for (String phrase : ReferringExpression.all(object)) {
                for (ChangeType type : ChangeType.SEMANTIC) {
                    for (String template : CaptionTemplates.of(type)) {
                        String withObject = template.replace(CaptionTemplates.OBJECT, phrase);
                        if (!type.hasNewValue()) {
                            assertParses(
                                    withObject,
                                    new ChangeMeaning(type, Optional.of(object), Optional.empty()));
                            parsed++;
                            continue;
                        }
                        for (AttributeWord value : values(type)) {
                            for (String word : value.synonyms()) {
                                assertParses(
                                        withObject.replace(CaptionTemplates.VALUE, word),
                                        new ChangeMeaning(
                                                type,
                                                Optional.of(object),
                                                Optional.of(value.word())));
                                parsed++;
                            }
                        }
                    }
                }
            }
        }
        for (String template : CaptionTemplates.of(ChangeType.NO_CHANGE)) {
            assertParses(template, ChangeMeaning.noChange());
            parsed++;
        }
        assertTrue(parsed > 10_000, "enumerated only " + parsed + " captions");
    }

    private static List<AttributeWord> values(ChangeType type) {
        return type == ChangeType.COLOR
                ? List.of(ObjectColor.values())
                : List.of(Material.values());
    }

    private static void assertParses(String caption, ChangeMeaning expected) {
        assertEquals(Optional.of(expected), ChangeCaptionGrammar.parse(caption), caption);
    }

    @Test
    void shouldTellColourFromMaterialWhenBothUseTheSameVerb() {
        ObjectAttributes cube =
                new ObjectAttributes(
                        ObjectSize.SMALL, ObjectColor.RED, Material.METAL, ObjectShape.CUBE);

        assertEquals(
                ChangeType.COLOR,
                ChangeCaptionGrammar.parse("the small red metal cube changed to green")
                        .orElseThrow()
                        .type());
        ChangeMeaning material =
                ChangeCaptionGrammar.parse("the tiny red shiny block changed to matte")
                        .orElseThrow();
        assertEquals(
                new ChangeMeaning(ChangeType.MATERIAL, Optional.of(cube), Optional.of("rubber")),
                material);
    }

    @Test
    void shouldIgnoreCaseAndPunctuationWhenParsing() {
        assertEquals(
                ChangeCaptionGrammar.parse("the big blue rubber ball is gone"),
                ChangeCaptionGrammar.parse("  The BIG blue rubber ball is gone. "));
        assertTrue(ChangeCaptionGrammar.parse("Nothing has changed!").isPresent());
    }

    @Test
    void shouldReturnEmptyWhenCaptionIsNotInTheGrammar() {
        for (String caption :
                List.of(
                        "",
                        "the red cube moved",
                        "the small red metal cube changed to blue metal",
                        "the small red metal cube changed to large",
                        "the small red metal cube moved to the left",
                        "a small red metal cube has disappeared",
                        "the small red metal pyramid is missing",
                        "the small red wooden cube is missing",
                        "someone added the",
                        "nothing changed at all",
                        "the the the the the")) {
            assertEquals(Optional.empty(), ChangeCaptionGrammar.parse(caption), caption);
        }
    }
}
