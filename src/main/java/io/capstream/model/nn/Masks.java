package io.capstream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Attention masks and pooling over caption tokens. Masks are float arrays with 1 = attend and 0 =
 * blocked, the convention of DJL's {@code ScaledDotProductAttentionBlock}. Captions use id 0 as EOS
 * and padding, so the words of a caption are the positions before its first 0.
 */
public final class Masks {
    private Masks() {}

    /**
     * The causal mask: query t may attend keys t' ≤ t.
     *
     * @param manager where to create it
     * @param batch B
     * @param length T
     * @return (B, T, T)
     */
    public static NDArray causal(NDManager manager, int batch, int length) {
        float[] m = new float[batch * length * length];
        for (int b = 0; b < batch; b++) {
            for (int q = 0; q < length; q++) {
                for (int k = 0; k <= q; k++) {
                    m[(b * length + q) * length + k] = 1f;
                }
            }
        }
        return Tensors.floats(manager, m, new Shape(batch, length, length));
    }

    /**
     * Which positions of each caption are words (before the first EOS). An empty caption keeps
     * position 0, so that attention and pooling always have one key.
     *
     * @param ids (B, L) token ids
     * @return (B, L) flags
     */
    public static boolean[][] words(int[][] ids) {
        boolean[][] valid = new boolean[ids.length][];
        for (int b = 0; b < ids.length; b++) {
            valid[b] = new boolean[ids[b].length];
            for (int l = 0; l < ids[b].length && ids[b][l] != 0; l++) {
                valid[b][l] = true;
            }
            valid[b][0] = true;
        }
        return valid;
    }

    /**
     * A key-padding mask: every query may attend exactly the valid keys.
     *
     * @param manager where to create it
     * @param valid (B, K) key flags
     * @param queries T
     * @return (B, T, K)
     */
    public static NDArray keys(NDManager manager, boolean[][] valid, int queries) {
        int batch = valid.length;
        int keys = valid[0].length;
        float[] m = new float[batch * queries * keys];
        for (int b = 0; b < batch; b++) {
            for (int q = 0; q < queries; q++) {
                for (int k = 0; k < keys; k++) {
                    m[(b * queries + q) * keys + k] = valid[b][k] ? 1f : 0f;
                }
            }
        }
        return Tensors.floats(manager, m, new Shape(batch, queries, keys));
    }

    /**
     * Mean over the valid positions: {@code Σ_t w_t·x_t / Σ_t w_t}.
     *
     * @param x (B, T, d)
     * @param valid (B, T) flags
     * @return (B, d)
     */
    public static NDArray meanPool(NDArray x, boolean[][] valid) {
        int batch = valid.length;
        int length = valid[0].length;
        float[] w = new float[batch * length];
        for (int b = 0; b < batch; b++) {
            int n = 0;
            for (boolean v : valid[b]) {
                n += v ? 1 : 0;
            }
            for (int t = 0; t < length; t++) {
                w[b * length + t] = valid[b][t] ? 1f / n : 0f;
            }
        }
        NDArray weights = Tensors.floats(x.getManager(), w, new Shape(batch, length, 1)); // (B,T,1)
        return x.mul(weights).sum(new int[] {1}); // (B, d)
    }
}
