package io.capstream.model.bottleneck;

import ai.djl.ndarray.NDArray;
import io.capstream.model.nn.Tensors;

/**
 * Closed-form KL divergences of diagonal Gaussians, summed over the last axis (the latent
 * dimensions) and averaged over all leading axes (batch, tokens):
 *
 * <pre>
 *   KL(N(μ,σ²) ‖ N(0,I))      = ½ Σ_k (μ² + σ² − log σ² − 1)                          (IBA-CD eqs. 9–10)
 *   KL(N(μ1,σ1²) ‖ N(μ2,σ2²)) = ½ Σ_k (log σ2² − log σ1² + (σ1² + (μ1 − μ2)²)/σ2² − 1)
 *   SKL                       = ½ (KL(1‖2) + KL(2‖1))                                 (DECIDER Theorem 1)
 * </pre>
 */
public final class GaussianKl {
    private GaussianKl() {}

    /**
     * @param mean μ (..., d)
     * @param logVariance log σ² (..., d)
     * @return scalar KL to N(0, I)
     */
    public static NDArray toStandardNormal(NDArray mean, NDArray logVariance) {
        NDArray perDim = // (..., d)
                Tensors.shift(mean.square().add(logVariance.exp()).sub(logVariance), -1f);
        return Tensors.scale(perDim.sum(new int[] {-1}), 0.5f).mean(); // ()
    }

    /** {@link #toStandardNormal} of a posterior. */
    public static NDArray toStandardNormal(Gaussian g) {
        return toStandardNormal(g.mean(), g.logVariance());
    }

    /**
     * @param mean1 μ1 (..., d)
     * @param logVar1 log σ1² (..., d)
     * @param mean2 μ2 (..., d)
     * @param logVar2 log σ2² (..., d)
     * @return scalar KL(N1 ‖ N2)
     */
    public static NDArray between(NDArray mean1, NDArray logVar1, NDArray mean2, NDArray logVar2) {
        NDArray ratio = logVar1.exp().add(mean1.sub(mean2).square()).div(logVar2.exp()); // (..., d)
        NDArray perDim = Tensors.shift(logVar2.sub(logVar1).add(ratio), -1f); // (..., d)
        return Tensors.scale(perDim.sum(new int[] {-1}), 0.5f).mean(); // ()
    }

    /** Symmetric KL ½(KL(1‖2) + KL(2‖1)) of two posteriors. */
    public static NDArray symmetric(Gaussian a, Gaussian b) {
        return symmetric(a.mean(), a.logVariance(), b.mean(), b.logVariance());
    }

    /** Symmetric KL ½(KL(1‖2) + KL(2‖1)). */
    public static NDArray symmetric(
            NDArray mean1, NDArray logVar1, NDArray mean2, NDArray logVar2) {
        NDArray forward = between(mean1, logVar1, mean2, logVar2);
        NDArray backward = between(mean2, logVar2, mean1, logVar1);
        return Tensors.scale(forward.add(backward), 0.5f); // ()
    }
}
