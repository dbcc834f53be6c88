package io.capstream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RougeLTest {
    @Test
    void shouldTreatEmptyCaptionAsOneEmptyTokenWhenSplittingOnSpace() {
        assertEquals(List.of(""), PyStrings.splitOnSpace(""));
        assertEquals(List.of(), PyStrings.split(""));
        // an empty hypothesis has length 1 and matches nothing...
        assertEquals(0.0, RougeL.score("", List.of("a red cube")));
        // ...but its empty token matches an empty reference's
        assertEquals(1.0, RougeL.score("", List.of("")), 1e-15);
    }

    @Test
    void shouldTakePrecisionAndRecallMaximaFromDifferentReferences() {
        // ref 1 gives P = 1, R = 0.5; ref 2 gives P = 0.25, R = 1; the maxima are both 1
        assertEquals(1.0, RougeL.score("a b c d", List.of("a b c d e f g h", "a")), 1e-15);
    }

    @Test
    void shouldWeighRecallWithBetaWhenScoring() {
        // LCS("a b c", "a x c d") = 2: P = 2/3, R = 1/2
        double p = 2.0 / 3;
        double r = 0.5;
        double expected = (1 + 1.44) * p * r / (r + 1.44 * p);

        assertEquals(expected, RougeL.score("a b c", List.of("a x c d")), 1e-12);
        assertEquals(0.5570776255707763, expected, 1e-12);
    }

    @Test
    void shouldAverageImagesWhenScoringCorpus() {
        MetricScore s =
                new RougeL().score(new Corpora().image("a b", "a b").image("c", "d").build());

        assertEquals(1.0, s.perImage(0), 1e-15);
        assertEquals(0.0, s.perImage(1));
        assertEquals(0.5, s.corpus(), 1e-15);
    }

    @Test
    void shouldFindLongestCommonSubsequenceWhenWordsInterleave() {
        assertEquals(3, RougeL.lcs(List.of("a", "x", "b", "y", "c"), List.of("a", "b", "c", "z")));
    }
}
