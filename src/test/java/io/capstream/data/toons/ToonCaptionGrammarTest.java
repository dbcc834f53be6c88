package io.capstream.data.toons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.data.toons.ToonCaptioner.Template;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ToonCaptionGrammarTest {

    @Test
    void shouldParseBackToTheSceneWhenAnyTemplateWritesTheCaption() {
        Map<Template, Integer> written = new EnumMap<>(Template.class);
        for (int i = 0; i < 600; i++) {
            Random rng = new Random(i);
            ToonScene scene = SceneSampler.sample(rng);
            for (Template t : Template.values()) {
                if (!t.appliesTo(scene)) {
                    continue;
                }
                String caption = ToonCaptioner.write(t, scene, rng);
                Optional<ToonMeaning> m = ToonCaptionGrammar.parseStrict(caption);
                assertTrue(m.isPresent(), () -> t + " caption does not parse: " + caption);
                assertTrue(
                        m.get().consistentWith(scene.meaning()),
                        () -> caption + " parsed as " + m.get() + " but shows " + scene.meaning());
                written.merge(t, 1, Integer::sum);
            }
        }
        assertEquals(Template.values().length, written.size(), "templates exercised: " + written);
    }

    @Test
    void shouldReadEveryPartWhenCaptionHasASecondCharacter() {
        ToonMeaning m =
                ToonCaptionGrammar.parseStrict(
                                "two red cats dance in the park and a yellow bird flies above them")
                        .orElseThrow();
        assertEquals(Kind.CAT, m.kind());
        assertEquals(Colour.RED, m.colour());
        assertEquals(Action.DANCING, m.action());
        assertEquals(2, m.count());
        assertEquals(Setting.PARK, m.setting());
        assertEquals(Kind.BIRD, m.second().orElseThrow().kind());
        assertEquals(Colour.YELLOW, m.second().orElseThrow().colour());
        assertEquals(Optional.of(Action.FLYING), m.second().orElseThrow().action());
        assertEquals(Optional.of(Relation.ABOVE), m.relation());
    }

    @Test
    void shouldTurnTheRelationAroundWhenTheGroupIsTheSubject() {
        // the group is left of the bird, so the bird (the second character) is right of the group
        ToonMeaning m =
                ToonCaptionGrammar.parseStrict(
                                "an orange dog is sitting to the left of a blue bird in the kitchen")
                        .orElseThrow();
        assertEquals(Optional.of(Relation.RIGHT_OF), m.relation());
        assertEquals(Colour.ORANGE, m.colour());
    }

    @Test
    void shouldReadNextToAsEitherSideWhenTheSideIsNotSaid() {
        ToonMeaning m =
                ToonCaptionGrammar.parse("a green ghost waves next to a yellow bird in the kitchen")
                        .orElseThrow();
        assertEquals(Optional.of(Relation.BESIDE), m.relation());
        assertTrue(Relation.BESIDE.holdsFor(Relation.LEFT_OF));
        assertTrue(Relation.BESIDE.holdsFor(Relation.RIGHT_OF));
        assertFalse(Relation.BESIDE.holdsFor(Relation.ABOVE));
    }

    @Test
    void shouldTakeTheCountFromTheNumberWordWhenTheNounIsFish() {
        assertEquals(
                3,
                ToonCaptionGrammar.parseStrict("three pink fish are swimming by the sea")
                        .orElseThrow()
                        .count());
        assertEquals(
                1,
                ToonCaptionGrammar.parseStrict("a pink fish is swimming by the sea")
                        .orElseThrow()
                        .count());
    }

    @Test
    void shouldAcceptBadAgreementOnlyWhenLenientWhenNumbersDisagree() {
        String caption = "two red cat is jumping in the park";
        assertEquals(2, ToonCaptionGrammar.parse(caption).orElseThrow().count());
        assertTrue(ToonCaptionGrammar.parseStrict(caption).isEmpty());
        assertTrue(ToonCaptionGrammar.parseStrict("a orange cat is jumping in the park").isEmpty());
        assertTrue(ToonCaptionGrammar.parseStrict("two red cats jumps in the park").isEmpty());
        assertTrue(
                ToonCaptionGrammar.parseStrict("two red cats are eating a cookie in the park")
                        .isEmpty());
    }

    @Test
    void shouldReturnEmptyWhenTextIsNotAToonCaption() {
        for (String text :
                new String[] {
                    "",
                    "   ",
                    "hello world",
                    "a red cat",
                    "a red cat is jumping",
                    "a red cat is jumping in the park yesterday",
                    "a red cow is jumping in the park",
                    "a teal cat is jumping in the park",
                    "a sleeping red cat is jumping in the park",
                    "a red cat lies in the park",
                    "a red cat is jumping next to in the park"
                }) {
            assertTrue(ToonCaptionGrammar.parse(text).isEmpty(), () -> "parsed: '" + text + "'");
        }
    }

    @Test
    void shouldIgnoreCaseAndPunctuationWhenAModelWritesThem() {
        ToonMeaning m =
                ToonCaptionGrammar.parseStrict("A white robot is waving, in outer space.")
                        .orElseThrow();
        assertEquals(Kind.ROBOT, m.kind());
        assertEquals(Setting.SPACE, m.setting());
    }
}
