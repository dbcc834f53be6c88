package io.capstream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.eval.MeteorAlignment.Match;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeteorTest {
    /** No synonyms at all: isolates the exact and stem modules. */
    private final Meteor withoutSynonyms = new Meteor(word -> Set.of());

    @Test
    void shouldScoreExactlyOneWhenHypothesisEqualsReference() {
        // METEOR 1.5 sets fragmentation to 0 when everything matches in one chunk
        MeteorStats s =
                withoutSynonyms.segment("the red cube moved", List.of("the red cube moved"));

        assertEquals(1, s.chunks());
        assertEquals(1.0, s.score());
    }

    @Test
    void shouldMatchHandComputedScoreWhenOneChunkCoversPartOfReference() {
        MeteorStats s = withoutSynonyms.segment("the red cube", List.of("the red cube moved"));

        // "the" is a function word: weighted lengths 0.75·2 + 0.25·1 = 1.75 (hyp), 0.75·3 + 0.25
        // = 2.5 (ref); all three hypothesis words match, so P = 1.75/1.75 and R = 1.75/2.5
        double p = 1.0;
        double r = 0.7;
        double fMean = 1 / (0.15 / p + 0.85 / r);
        double penalty = 0.6 * Math.pow(1.0 / 3, 0.2); // 1 chunk over 3 matches
        assertEquals(p, s.precision(), 1e-15);
        assertEquals(r, s.recall(), 1e-15);
        assertEquals(fMean * (1 - penalty), s.score(), 1e-15);
        assertEquals(0.3799461194, s.score(), 1e-9);
    }

    @Test
    void shouldMatchStemsWhenWordsDifferOnlyByInflection() {
        MeteorAlignment a =
                new MeteorAligner(word -> Set.of()).align(List.of("dogs"), List.of("dog"));

        assertEquals(new Match(0, 0, MeteorAlignment.STEM), a.byRef[0]);
        // one content word matched by the stem module (weight 0.6) in one chunk covering all
        assertEquals(0.6, withoutSynonyms.segment("dogs", List.of("dog")).score(), 1e-12);
    }

    @Test
    void shouldMatchWordNetSynonymsWhenWordsShareSynset() {
        Meteor meteor = new Meteor();

        MeteorStats s = meteor.segment("a couch", List.of("a sofa"));

        assertEquals(2, s.testMatches());
        assertEquals(0.0, withoutSynonyms.segment("couch", List.of("sofa")).score());
        assertEquals(0.8, meteor.segment("couch", List.of("sofa")).score(), 1e-12);
        assertTrue(
                WordNetSynonyms.INSTANCE
                        .of("dogs")
                        .containsAll(WordNetSynonyms.INSTANCE.of("dog")));
    }

    @Test
    void shouldPenaliseMoreChunksWhenSameWordsAreReordered() {
        String ref = "the big red cube";
        MeteorStats inOrder = withoutSynonyms.segment("the big red cube moved", List.of(ref));
        MeteorStats reordered = withoutSynonyms.segment("red cube moved the big", List.of(ref));

        assertEquals(1, inOrder.chunks());
        assertEquals(2, reordered.chunks());
        assertEquals(inOrder.testMatches(), reordered.testMatches());
        assertTrue(inOrder.score() > reordered.score());
    }

    @Test
    void shouldKeepBestReferenceWhenScoringSegment() {
        MeteorStats s =
                withoutSynonyms.segment(
                        "the red cube", List.of("a green sphere", "the red cube", "red"));

        assertEquals(1.0, s.score());
    }

    @Test
    void shouldAggregateStatisticsInsteadOfAveragingWhenScoringCorpus() {
        TokenizedCorpus corpus =
                new Corpora()
                        .image("the red cube", "the red cube")
                        .image("a sphere", "a sphere")
                        .build();

        MetricScore s = withoutSynonyms.score(corpus);

        // each segment is perfect, but summed statistics hold 2 chunks: fragmentation is no longer
        // 0
        assertEquals(1.0, s.perImage(0));
        assertEquals(1.0, s.perImage(1));
        double penalty = 0.6 * Math.pow(2 / 5.0, 0.2);
        assertEquals(1 - penalty, s.corpus(), 1e-12);
    }

    @Test
    void shouldScoreZeroWhenHypothesisIsEmpty() {
        MeteorStats s = withoutSynonyms.segment("", List.of("a red cube"));

        assertNotNull(s);
        assertEquals(0.0, s.score());
    }
}
