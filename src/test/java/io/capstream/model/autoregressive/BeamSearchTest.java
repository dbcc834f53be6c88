package io.capstream.model.autoregressive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capstream.model.Captions;
import org.junit.jupiter.api.Test;

class BeamSearchTest {
    private static final int BOS = 3;

    /**
     * A fake model over {EOS=0, 1, 2}: first word 1 (0.6) or 2 (0.4); after 1 the next word is
     * uncertain, after 2 EOS is almost sure. Greedy takes 1 then EOS (0.6·0.34 = 0.204); the best
     * sequence is 2 EOS (0.4·0.9 = 0.36).
     */
    private static float[][] trap(int[][] inputs, int t) {
        float[][] out = new float[inputs.length][];
        for (int r = 0; r < inputs.length; r++) {
            int last = inputs[r][t];
            float[] p;
            if (last == BOS) {
                p = new float[] {0.0001f, 0.6f, 0.3999f};
            } else if (last == 1) {
                p = new float[] {0.34f, 0.33f, 0.33f};
            } else {
                p = new float[] {0.9f, 0.05f, 0.05f};
            }
            out[r] =
                    new float[] {
                        (float) Math.log(p[0]), (float) Math.log(p[1]), (float) Math.log(p[2])
                    };
        }
        return out;
    }

    @Test
    void shouldFollowLocallyBestWordWhenWidthIsOne() {
        Captions c = new BeamSearch(1, 0f, 3, BOS).search(2, BeamSearchTest::trap);
        assertArrayEquals(new int[] {1}, c.tokens()[0]);
        assertArrayEquals(new float[] {0.6f}, c.probabilities()[0], 1e-5f);
        assertArrayEquals(new int[] {1}, c.tokens()[1]);
    }

    @Test
    void shouldFindMoreLikelySequenceWhenBeamIsWider() {
        Captions c = new BeamSearch(2, 0f, 3, BOS).search(1, BeamSearchTest::trap);
        assertArrayEquals(new int[] {2}, c.tokens()[0]);
        assertEquals(0.3999f, c.probabilities()[0][0], 1e-5f);
    }

    @Test
    void shouldStopAtMaximumLengthWhenNoEosIsPredicted() {
        BeamSearch.StepFunction neverEnds =
                (inputs, t) -> {
                    float[][] out = new float[inputs.length][];
                    for (int r = 0; r < out.length; r++) {
                        out[r] = new float[] {-20f, -0.01f, -5f};
                    }
                    return out;
                };
        Captions c = new BeamSearch(3, 1f, 4, BOS).search(1, neverEnds);
        assertArrayEquals(new int[] {1, 1, 1, 1}, c.tokens()[0]);
    }
}
