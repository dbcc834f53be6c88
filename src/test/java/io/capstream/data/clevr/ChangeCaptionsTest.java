package io.capstream.data.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChangeCaptionsTest {
    private static final SceneObject CUBE =
            new SceneObject(
                    new ObjectAttributes(
                            ObjectSize.SMALL, ObjectColor.RED, Material.METAL, ObjectShape.CUBE),
                    0.3,
                    0.4);

    @Test
    void shouldOfferAtLeastFiveTemplatesWhenAnyTypeIsCaptioned() {
        for (ChangeType type : ChangeType.values()) {
            List<String> templates = CaptionTemplates.of(type);
            assertTrue(templates.size() >= ChangeCaptions.PER_PAIR, type + ": " + templates);
            assertEquals(templates.size(), new HashSet<>(templates).size(), type + " repeats");
        }
    }

    @Test
    void shouldUseFiveDifferentTemplatesWhenCaptioningOnePair() {
        SceneChange recolor =
                new SceneChange(
                        ChangeType.COLOR,
                        Optional.of(CUBE),
                        Optional.of(
                                CUBE.withAttributes(
                                        CUBE.attributes().withColor(ObjectColor.GREEN))));
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            List<String> captions = ChangeCaptions.sample(recolor, random);
            assertEquals(ChangeCaptions.PER_PAIR, captions.size());
            Set<String> verbs = new HashSet<>();
            for (String c : captions) {
                // The words after the four-word expression identify the template.
                verbs.add(
                        String.join(
                                " ",
                                ChangeCaptionGrammar.words(c).subList(5, c.split(" ").length - 1)));
                assertEquals(Optional.of(recolor.meaning()), ChangeCaptionGrammar.parse(c), c);
            }
            assertEquals(ChangeCaptions.PER_PAIR, verbs.size(), captions.toString());
        }
    }

    @Test
    void shouldWriteShortLowerCaseCaptionsWithoutPunctuationWhenSampling() {
        SplittableRandom random = new SplittableRandom(9);
        List<SceneChange> changes =
                List.of(
                        SceneChange.none(),
                        new SceneChange(ChangeType.DROP, Optional.of(CUBE), Optional.empty()),
                        new SceneChange(ChangeType.ADD, Optional.empty(), Optional.of(CUBE)),
                        new SceneChange(
                                ChangeType.MOVE,
                                Optional.of(CUBE),
                                Optional.of(CUBE.movedTo(0.9, 0.9))),
                        new SceneChange(
                                ChangeType.MATERIAL,
                                Optional.of(CUBE),
                                Optional.of(
                                        CUBE.withAttributes(
                                                CUBE.attributes().withMaterial(Material.RUBBER)))));
        for (SceneChange change : changes) {
            for (int trial = 0; trial < 20; trial++) {
                for (String c : ChangeCaptions.sample(change, random)) {
                    assertTrue(c.matches("[a-z]+( [a-z]+)*"), c);
                    assertTrue(c.split(" ").length <= 20, c);
                    assertEquals(Optional.of(change.meaning()), ChangeCaptionGrammar.parse(c), c);
                }
            }
        }
    }
}
