package io.capstream.eval.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MostFrequentCaptionTest {
    @Test
    void shouldPickCaptionCountedOverAllReferencesWhenFitting() {
        MostFrequentCaption m =
                MostFrequentCaption.fit(
                        Map.of(
                                "a", List.of("there is no difference", "a cat"),
                                "b", List.of("There is  no difference ", "a dog"),
                                "c", List.of("a dog", "a dog")));
        assertEquals("a dog", m.caption());
    }

    @Test
    void shouldBreakTiesAlphabeticallyWhenCountsAreEqual() {
        assertEquals(
                "a cat", MostFrequentCaption.fit(Map.of("x", List.of("b cat", "a cat"))).caption());
    }

    @Test
    void shouldAnswerEveryIdWhenCaptioning() {
        MostFrequentCaption m = MostFrequentCaption.fit(Map.of("x", List.of("a cat")));
        assertEquals(
                Map.of("1", "a cat", "2", "a cat"),
                m.captionAll(new LinkedHashSet<>(List.of("1", "2"))));
    }

    @Test
    void shouldRejectTrainingSetWhenItHasNoCaptions() {
        assertThrows(IllegalArgumentException.class, () -> MostFrequentCaption.fit(Map.of()));
    }
}
