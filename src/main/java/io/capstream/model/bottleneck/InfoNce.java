package io.capstream.model.bottleneck;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.capstream.model.nn.Tensors;
import java.util.Arrays;

/**
 * Symmetric in-batch InfoNCE between two views (DECIDER eq. 5; IBA-CD's batch-level mutual
 * information, eqs. 11–12), on cosine similarities:
 *
 * <pre>
 *   S_ij = cos(a_i, b_j) / τ                                                    (B, B)
 *   L = −½·(1/B) Σ_i [ log softmax_j(S_i·)_i + log softmax_j(S_·i)_i ]
 * </pre>
 *
 * I(a; b) ≥ log B − L. Off-diagonal pairs whose captions are identical are not negatives (false
 * negatives, e.g. the many "no change" captions of CLEVR-Change): their logits are masked out in
 * both directions.
 */
public final class InfoNce {
    private static final float MASKED = -1e4f;

    private InfoNce() {}

    /**
     * @param a view one (B, k), any norm
     * @param b view two (B, k)
     * @param tau temperature τ
     * @param groups (B) ids; i ≠ j with {@code groups[i] == groups[j]} are masked
     * @return the scalar loss
     */
    public static NDArray symmetric(NDArray a, NDArray b, float tau, int[] groups) {
        int batch = (int) a.getShape().get(0);
        NDArray s = Tensors.scale(unit(a).matMul(unit(b).transpose()), 1f / tau); // (B, B)
        s =
                s.add(
                        Tensors.floats(
                                a.getManager(),
                                falseNegativeMask(groups),
                                new Shape(batch, batch)));
        NDArray eye = a.getManager().eye(batch); // (B, B)
        NDArray rows = s.logSoftmax(1).mul(eye).sum(); // Σ_i log p(b_i | a_i)
        NDArray cols = s.logSoftmax(0).mul(eye).sum(); // Σ_i log p(a_i | b_i)
        return Tensors.scale(rows.add(cols), -0.5f / batch); // ()
    }

    /** L2-normalised rows, (B, k). */
    static NDArray unit(NDArray x) {
        return x.normalize(2, 1, 1e-6); // (B, k)
    }

    /**
     * Groups identical rows (e.g. identical caption ids), so equal rows get equal group ids.
     *
     * @param rows (B, L) ids
     * @return (B) group ids
     */
    public static int[] groupsOf(int[][] rows) {
        int[] groups = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            groups[i] = i;
            for (int j = 0; j < i; j++) {
                if (Arrays.equals(rows[i], rows[j])) {
                    groups[i] = groups[j];
                    break;
                }
            }
        }
        return groups;
    }

    /** (B·B) additive mask: {@value #MASKED} where i ≠ j share a group, else 0. */
    static float[] falseNegativeMask(int[] groups) {
        int n = groups.length;
        float[] mask = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mask[i * n + j] = i != j && groups[i] == groups[j] ? MASKED : 0f;
            }
        }
        return mask;
    }
}
