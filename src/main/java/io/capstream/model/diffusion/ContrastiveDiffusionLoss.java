package io.capstream.model.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.capstream.model.ModelConfig;
import io.capstream.model.bottleneck.InfoNce;
import io.capstream.model.nn.Tensors;

/**
 * DECIDER's contrastive diffusion objective (eqs. 9–19) in the InfoNCE form of research/model.md
 * §5.3: the denoised prediction x̂0 must be closer to its (hard) positive than to its hard negative
 * and to the other captions of the batch. With dist(a, c) = mean_{l,k} (a − c)²:
 *
 * <pre>
 *   s_b = −[ dist(x̂0_b, x0⁺_b), dist(x̂0_b, x0⁻_b), dist(x̂0_b, x0_j) for j ≠ b, y_j ≠ y_b ] / τ_cd
 *   L_cd = (1/B) Σ_b −log softmax(s_b)_0
 * </pre>
 *
 * Switches (DECIDER Table 3): without {@code pos} the positive is x0 itself; without {@code neg}
 * the hard-negative column is dropped. Only x̂0 carries gradient.
 */
public final class ContrastiveDiffusionLoss {
    private static final float MASKED = -1e4f;

    private final boolean hardPositive;
    private final boolean hardNegative;
    private final float tau;
    private final AdversarialSamples samples;

    /**
     * @param config pos, neg, tauCd, epsPos, epsNeg, perturbation
     */
    public ContrastiveDiffusionLoss(ModelConfig config) {
        this.hardPositive = config.pos();
        this.hardNegative = config.neg();
        this.tau = config.tauCd();
        this.samples = new AdversarialSamples(config);
    }

    /**
     * @param x0 clean embeddings E[y] (B, L, e)
     * @param x0Hat the denoiser's prediction softmax(logits)·E (B, L, e), with gradient
     * @param table E (V, e) (a parameter: detached and copied into the batch here)
     * @param ids y (B, L)
     * @param captions y as Java rows, to mask identical captions
     * @return scalar L_cd
     */
    public NDArray loss(NDArray x0, NDArray x0Hat, NDArray table, NDArray ids, int[][] captions) {
        NDArray e = table.stopGradient(); // (V, e) lands on the parameter's manager: adopt it
        e.attach(x0Hat.getManager());
        int vocabulary = (int) e.getShape().get(0);
        int batch = captions.length;
        NDArray target = x0.stopGradient(); // (B, L, e)
        NDArray onehot = ids.oneHot(vocabulary); // (B, L, V)
        NDArray positive =
                hardPositive
                        ? samples.positive(target, x0Hat.stopGradient(), e, onehot, ids)
                        : target;
        NDArray pred = x0Hat.reshape(batch, -1); // (B, L·e)
        NDList columns = new NDList(distance(pred, positive.reshape(batch, -1)).neg());
        if (hardNegative) {
            NDArray negative = samples.negative(target, e, onehot).reshape(batch, -1);
            columns.add(distance(pred, negative).neg()); // (B, 1)
        }
        NDArray others = pairwiseDistance(pred, target.reshape(batch, -1)).neg(); // (B, B)
        NDManager m = pred.getManager();
        others = others.add(Tensors.floats(m, inBatchMask(captions), new Shape(batch, batch)));
        columns.add(others);
        NDArray logits = Tensors.scale(NDArrays.concat(columns, 1), 1f / tau); // (B, 2 + B)
        return logits.logSoftmax(1).get(":, 0").mean().neg(); // ()
    }

    /** mean_k (a_bk − c_bk)², (B, 1). */
    private static NDArray distance(NDArray a, NDArray c) {
        return a.sub(c).square().mean(new int[] {1}, true); // (B, 1)
    }

    /** mean_k (a_ik − c_jk)² = (‖a_i‖² + ‖c_j‖² − 2 a_i·c_j) / K, (B, B). */
    private static NDArray pairwiseDistance(NDArray a, NDArray c) {
        long k = a.getShape().get(1);
        NDArray a2 = a.square().sum(new int[] {1}, true); // (B, 1)
        NDArray c2 = c.square().sum(new int[] {1}, true).transpose(); // (1, B)
        NDArray cross = Tensors.scale(a.matMul(c.transpose()), 2f); // (B, B)
        return Tensors.scale(a2.add(c2).sub(cross), 1f / k); // (B, B)
    }

    /** Masks j = b and every j whose caption equals b's: they are not negatives. */
    private static float[] inBatchMask(int[][] captions) {
        int[] groups = InfoNce.groupsOf(captions);
        int n = groups.length;
        float[] mask = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mask[i * n + j] = groups[i] == groups[j] ? MASKED : 0f;
            }
        }
        return mask;
    }
}
