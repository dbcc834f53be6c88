package io.capstream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CiderDTest {
    private final CiderD cider = new CiderD();

    @Test
    void shouldScoreZeroWhenCorpusHasOneImage() {
        MetricScore s = cider.score(Corpora.one("the red cube", "the red cube"));

        assertEquals(0.0, s.corpus());
        assertEquals(0.0, s.perImage(0));
    }

    @Test
    void shouldTakeDocumentFrequencyFromReferencesOnlyWhenOtherHypothesesChange() {
        TokenizedCorpus a =
                new Corpora()
                        .image("red cube", "red cube", "a red cube")
                        .image("blue sphere", "a blue sphere")
                        .image("green cylinder", "a green cylinder")
                        .build();
        TokenizedCorpus b =
                new Corpora()
                        .image("red cube", "red cube", "a red cube")
                        .image("red cube red cube", "a blue sphere")
                        .image("red cube", "a green cylinder")
                        .build();

        assertEquals(cider.score(a).perImage(0), cider.score(b).perImage(0), 0.0);
        assertTrue(cider.score(a).perImage(0) > 0);
    }

    @Test
    void shouldGiveZeroWeightWhenNgramIsInEveryImagesReferences() {
        TokenizedCorpus corpus =
                new Corpora().image("a", "a red cube").image("a", "a blue sphere").build();

        assertEquals(0.0, cider.score(corpus).perImage(0));
    }

    @Test
    void shouldClipHypothesisWeightsWhenWordRepeats() {
        TokenizedCorpus corpus =
                new Corpora()
                        .image("cube cube cube cube", "cube")
                        .image("sphere", "sphere")
                        .build();

        // unigram: min(4w, w)·w / (4w · w) = 1/4; no reference bigrams: the other orders are 0;
        // bigram lengths 3 and 0 give the penalty e^(-9/72)
        double expected = 10 * (0.25 * Math.exp(-9.0 / 72)) / 4;
        assertEquals(expected, cider.score(corpus).perImage(0), 1e-12);
    }

    @Test
    void shouldMeasureLengthInBigramsWhenPenalisingLengthDifference() {
        assertEquals(0, CiderD.bigramLength(NGrams.of("")));
        assertEquals(0, CiderD.bigramLength(NGrams.of("cube")));
        assertEquals(2, CiderD.bigramLength(NGrams.of("a red cube")));
        // one word against none: no penalty, although the word counts differ
        assertEquals(1.0, CiderD.lengthPenalty(0, 0));
        assertEquals(Math.exp(-1.0 / 72), CiderD.lengthPenalty(2, 1), 1e-15);
    }

    @Test
    void shouldAverageImagesTimesTenWhenScoringCorpus() {
        TokenizedCorpus corpus =
                new Corpora()
                        .image("a red cube", "a red cube")
                        .image("a blue sphere", "a green sphere")
                        .image("nothing", "a cylinder")
                        .build();

        MetricScore s = cider.score(corpus);

        assertEquals((s.perImage(0) + s.perImage(1) + s.perImage(2)) / 3, s.corpus(), 1e-15);
        assertTrue(s.perImage(0) > 1, "a perfect match scores up to 10: " + s.perImage(0));
        assertEquals(0.0, s.perImage(2));
    }
}
