package io.capstream.model.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import io.capstream.model.ModelConfig;
import io.capstream.model.nn.Tensors;

/**
 * DECIDER's "hard" contrastive samples around the clean caption embedding x0 (eqs. 12–18), with the
 * cheap analytic gradients of research/model.md §5.3 (no extra backward pass):
 *
 * <pre>
 *   g_ce(x)  = ∇_x CE(x·Eᵀ, y) = (softmax(x·Eᵀ) − onehot(y))·E     rounding NLL of the tokens
 *   g_reg    ≈ 2·(x0 − x̂0)                                         ∇ of ‖x̂0 − x0‖², f held fixed
 *
 *   x0⁻ = x0 + ε₋·step(g_ce(x0))                 close to x0, pushed towards other words (eqs. 17–18)
 *   x0' = x0 + ε₊·step(g_reg)                    farther from what the denoiser predicts (eqs. 12–13)
 *   x0⁺ = x0' − ε₊·step(g_ce(x0'))               corrected back towards the same words (eqs. 14–15)
 *   x0⁺ = x0 at tokens where argmax(x0⁺·Eᵀ) ≠ y  (the positive must keep its meaning)
 * </pre>
 *
 * step(g) = sign(g) (FGSM), or g·√(L·e)/‖g‖₂ per sample (the papers' normalised step, scaled to the
 * same norm). All inputs are detached: the samples are targets, not graph nodes.
 */
public final class AdversarialSamples {
    private final float epsPos;
    private final float epsNeg;
    private final ModelConfig.Perturbation perturbation;

    /**
     * @param config epsPos, epsNeg, perturbation
     */
    public AdversarialSamples(ModelConfig config) {
        this.epsPos = config.epsPos();
        this.epsNeg = config.epsNeg();
        this.perturbation = config.perturbation();
    }

    /**
     * @param x0 clean embeddings (B, L, e), detached
     * @param table E (V, e), detached and owned by the batch
     * @param onehot onehot(y) (B, L, V)
     * @return x0⁻ (B, L, e)
     */
    public NDArray negative(NDArray x0, NDArray table, NDArray onehot) {
        return x0.add(Tensors.scale(step(roundingGradient(x0, table, onehot)), epsNeg));
    }

    /**
     * @param x0 clean embeddings (B, L, e), detached
     * @param x0Hat the denoiser's prediction (B, L, e), detached
     * @param table E (V, e), detached
     * @param onehot onehot(y) (B, L, V)
     * @param ids y (B, L)
     * @return x0⁺ (B, L, e)
     */
    public NDArray positive(NDArray x0, NDArray x0Hat, NDArray table, NDArray onehot, NDArray ids) {
        NDArray away = x0.add(Tensors.scale(step(x0.sub(x0Hat)), epsPos)); // g_reg ∝ x0 − x̂0
        NDArray back = away.sub(Tensors.scale(step(roundingGradient(away, table, onehot)), epsPos));
        NDArray rounded = back.matMul(table.transpose()).argMax(2); // (B, L)
        NDArray same = rounded.eq(ids.toType(rounded.getDataType(), false)).expandDims(2);
        return NDArrays.where(same.broadcast(back.getShape()), back, x0); // (B, L, e)
    }

    /** ∇_x CE(x·Eᵀ, y) = (softmax(x·Eᵀ) − onehot(y))·E, (B, L, e). */
    static NDArray roundingGradient(NDArray x, NDArray table, NDArray onehot) {
        NDArray probs = x.matMul(table.transpose()).softmax(2); // (B, L, V)
        return probs.sub(onehot).matMul(table); // (B, L, e)
    }

    private NDArray step(NDArray g) {
        if (perturbation == ModelConfig.Perturbation.SIGN) {
            return g.sign(); // (B, L, e)
        }
        long elements = g.getShape().get(1) * g.getShape().get(2);
        NDArray norm = Tensors.shift(g.square().sum(new int[] {1, 2}, true).sqrt(), 1e-12f);
        return Tensors.scale(g.div(norm), (float) Math.sqrt(elements)); // (B, L, e)
    }
}
