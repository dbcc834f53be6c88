package io.capstream.data.toons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ToonCaptionerTest {

    @Test
    void shouldWriteFiveDistinctCleanCaptionsWhenASceneIsSampled() {
        for (int i = 0; i < 1000; i++) {
            Random rng = new Random(i);
            ToonScene scene = SceneSampler.sample(rng);
            List<String> captions = ToonCaptioner.captions(scene, rng);
            assertEquals(ToonCaptioner.CAPTIONS_PER_IMAGE, captions.size());
            assertEquals(captions.size(), new HashSet<>(captions).size(), captions::toString);
            for (String c : captions) {
                assertTrue(c.matches("[a-z]+( [a-z]+)*"), () -> "not lower-case words: " + c);
                assertTrue(c.split(" ").length <= ToonCaptioner.MAX_WORDS, () -> "too long: " + c);
                ToonMeaning m = ToonCaptionGrammar.parseStrict(c).orElseThrow();
                assertEquals(scene.second().isPresent(), m.second().isPresent(), c);
            }
        }
    }

    @Test
    void shouldUseAtLeastEightTemplatesWhenManyScenesAreCaptioned() {
        Set<ToonCaptioner.Template> used = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            Random rng = new Random(i);
            ToonScene scene = SceneSampler.sample(rng);
            Set<ToonCaptioner.Template> here = new HashSet<>();
            for (ToonCaptioner.Caption c : ToonCaptioner.written(scene, rng)) {
                assertTrue(here.add(c.template()), () -> "template used twice: " + c);
            }
            used.addAll(here);
        }
        assertTrue(used.size() >= 8, () -> "templates in captions: " + used);
    }

    @Test
    void shouldWriteTheSameCaptionsWhenTheGeneratorStateIsTheSame() {
        ToonScene scene = SceneSampler.sample(new Random(5));
        assertEquals(
                ToonCaptioner.captions(scene, new Random(9)),
                ToonCaptioner.captions(scene, new Random(9)));
    }

    @Test
    void shouldWritePluralsAndAgreementWhenThereAreSeveralCharacters() {
        ToonScene scene =
                SceneSampler.compose(
                        new Random(1),
                        Setting.BEACH,
                        new Actor(Kind.ROBOT, Colour.BLUE, Action.DANCING),
                        2,
                        java.util.Optional.empty(),
                        java.util.Optional.empty());
        String progressive =
                ToonCaptioner.write(ToonCaptioner.Template.PROGRESSIVE, scene, new Random(3));
        assertTrue(progressive.startsWith("two blue robots are dancing "), progressive);
        String simple = ToonCaptioner.write(ToonCaptioner.Template.SIMPLE, scene, new Random(3));
        assertTrue(simple.startsWith("two blue robots dance "), simple);
    }
}
