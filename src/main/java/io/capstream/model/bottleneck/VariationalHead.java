package io.capstream.model.bottleneck;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.capstream.model.nn.Tensors;

/**
 * Variational information bottleneck head (IBA-CD eqs. 2–10): a Gaussian posterior p(z|x) whose KL
 * to N(0, I) bounds I(Z; X) from above (eq. 9), with the reparameterisation of eq. 8:
 *
 * <pre>
 *   μ = W_μ·x + b_μ,   log σ² = clip(W_σ·x + b_σ, −10, 10)
 *   z = μ + exp(½·log σ²) ⊙ ε,  ε ~ N(0, I)        (training)
 *   z = μ                                          (inference: deterministic)
 * </pre>
 *
 * Works token-wise on (B, N, d) or pooled on (B, d).
 */
public final class VariationalHead extends AbstractBlock {
    private final Linear mean;
    private final Linear logVariance;

    /**
     * @param dim the output width (the input width is taken at initialisation)
     */
    public VariationalHead(int dim) {
        mean = addChildBlock("mean", Linear.builder().setUnits(dim).build());
        logVariance = addChildBlock("logVariance", Linear.builder().setUnits(dim).build());
    }

    /**
     * @param ps the parameter store
     * @param x (..., d)
     * @param training sample z when true, z = μ otherwise
     * @return the posterior and z
     */
    public Gaussian forward(ParameterStore ps, NDArray x, boolean training) {
        NDArray mu = mean.forward(ps, new NDList(x), training).head(); // (..., d)
        NDArray logVar =
                logVariance.forward(ps, new NDList(x), training).head().clip(-10f, 10f); // (..., d)
        if (!training) {
            return new Gaussian(mu, logVar, mu);
        }
        NDArray eps = x.getManager().randomNormal(mu.getShape()); // (..., d)
        NDArray z = mu.add(Tensors.scale(logVar, 0.5f).exp().mul(eps)); // (..., d)
        return new Gaussian(mu, logVar, z);
    }

    /** Input x (..., d); outputs z, μ, log σ². */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Gaussian g = forward(ps, inputs.head(), training);
        return new NDList(g.sample(), g.mean(), g.logVariance());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], inputShapes[0], inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        mean.initialize(manager, dataType, shapes[0]);
        logVariance.initialize(manager, dataType, shapes[0]);
    }
}
