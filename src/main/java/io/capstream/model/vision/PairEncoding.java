package io.capstream.model.vision;

import ai.djl.ndarray.NDArray;

/**
 * What the pair encoder hands to the generator and to the IB losses.
 *
 * @param memory M (B, 4N, d): [U_b + s0; U_a + s1; D_b + s2; D_a + s2] after the pair layers
 * @param before ū_b = mean_N(U_b) (B, d)
 * @param after ū_a = mean_N(U_a) (B, d)
 * @param difference d̄ = mean over the difference slots of M (B, d)
 * @param pair p̄ = mean over all of M (B, d)
 */
public record PairEncoding(
        NDArray memory, NDArray before, NDArray after, NDArray difference, NDArray pair) {}
