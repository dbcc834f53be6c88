package io.capstream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BleuTest {
    private static final double TINY = 1e-15;
    private static final double SMALL = 1e-9;
    private final Bleu bleu = new Bleu();

    @Test
    void shouldPickShorterReferenceWhenTwoAreEquallyClose() {
        assertEquals(2, Bleu.closest(new int[] {4, 2}, 3));
        assertEquals(2, Bleu.closest(new int[] {2, 4}, 3));

        // reflen 2 (not 4) means no brevity penalty for the 3-word hypothesis
        List<MetricScore> s = bleu.score(Corpora.one("a b c", "a b c d", "a b"));

        assertEquals((3 + TINY) / (3 + SMALL), s.get(0).perImage(0), 1e-15);
    }

    @Test
    void shouldSmoothPerImageBleuWhenNoFourGramMatches() {
        // correct = 3, 2, 1, 0 of guess = 4, 3, 2, 1; even equal lengths get a brevity penalty
        // just below 1, because the smoothing makes the length ratio just below 1
        List<MetricScore> s = bleu.score(Corpora.one("the red cube moved", "the red cube turned"));

        double product = (3 + TINY) / (4 + SMALL) * (2 + TINY) / (3 + SMALL);
        product *= (1 + TINY) / (2 + SMALL);
        double penalty = Math.exp(1 - 1 / ((4 + TINY) / (4 + SMALL)));
        double bleu3 = Math.pow(product, 1.0 / 3) * penalty;
        double bleu4 = Math.pow(product * TINY / (1 + SMALL), 1.0 / 4) * penalty;
        assertTrue(penalty < 1);
        assertEquals(bleu3, s.get(2).perImage(0), 1e-12);
        assertEquals(bleu4, s.get(3).perImage(0), 1e-12);
        assertTrue(bleu4 > 0 && bleu4 < 1e-3, "smoothed BLEU-4 " + bleu4);
    }

    @Test
    void shouldScoreExactlyZeroWhenHypothesisIsEmpty() {
        List<MetricScore> s = bleu.score(Corpora.one("", "a red cube"));

        for (int k = 0; k < 4; k++) {
            assertEquals(0.0, s.get(k).perImage(0));
            assertEquals(0.0, s.get(k).corpus());
        }
    }

    @Test
    void shouldClipCountsByLargestCountInOneReferenceWhenWordRepeats() {
        // "the" occurs once in one reference and twice in the other: at most 2 count, not 3
        Bleu.Counts c = Bleu.count("the the the the", List.of("the cat", "the the dog"));

        assertEquals(2, c.correct[0]);
        assertEquals(4, c.guess[0]);
        assertEquals(3, c.refLength);
    }

    @Test
    void shouldApplyBrevityPenaltyWhenHypothesisIsShorter() {
        List<MetricScore> s = bleu.score(Corpora.one("a b", "a b c d"));

        double ratio = (2 + TINY) / (4 + SMALL);
        double expected = (2 + TINY) / (2 + SMALL) * Math.exp(1 - 1 / ratio);
        assertEquals(expected, s.get(0).perImage(0), 1e-15);
        assertEquals(Math.exp(-1), s.get(0).perImage(0), 1e-8);
    }

    @Test
    void shouldComputeCorpusFromSummedCountsWhenSeveralImages() {
        TokenizedCorpus corpus =
                new Corpora().image("a b c d", "a b c d").image("x y", "p q r s").build();

        List<MetricScore> s = bleu.score(corpus);

        // summed: testlen 6, reflen 8, guess [6,4,2,1], correct [4,3,2,1]
        double[] expected = Bleu.bleu(6, 8, new long[] {6, 4, 2, 1}, new long[] {4, 3, 2, 1});
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k], s.get(k).corpus(), 1e-15);
        }
        double mean = (s.get(0).perImage(0) + s.get(0).perImage(1)) / 2;
        assertNotEquals(mean, s.get(0).corpus(), 1e-3);
    }
}
