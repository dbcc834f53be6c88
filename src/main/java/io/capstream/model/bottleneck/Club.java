package io.capstream.model.bottleneck;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.capstream.model.nn.Tensors;

/**
 * CLUB, the contrastive log-ratio upper bound of mutual information (Cheng et al. 2020), used by
 * DECIDER eq. 7 for I(v'; v). A variational network q_ψ(y|x) = N(μ_ψ(x), exp(logvar_ψ(x))):
 *
 * <pre>
 *   μ_ψ(x)      = W2·ReLU(W1·x)           logvar_ψ(x) = tanh(W4·ReLU(W3·x))        (h = d/2)
 *   I_CLUB(x;y) = (1/B) Σ_i [ log q(y_i|x_i) − (1/B) Σ_j log q(y_j|x_i) ]
 *               = (1/B) Σ_i Σ_k [ E_j(y_jk − μ_ik)² − (y_ik − μ_ik)² ] / (2·σ²_ik)
 *   L_ψ         = −(1/B) Σ_i Σ_k [ −(y_ik − μ_ik)²/σ²_ik − logvar_ik ]           (fit q_ψ)
 * </pre>
 *
 * The bound is minimised through x and y with ψ frozen ({@link #upperBound} detaches ψ), and ψ is
 * fitted on detached x, y ({@link #learningLoss}). One backward of their sum therefore updates each
 * side with its own gradient only. E_j(y_j − μ_i)² is expanded as E[y²] − 2μ_i·E[y] + μ_i², so the
 * full (not sampled) bound costs O(B·d).
 */
public final class Club extends AbstractBlock {
    private final int hidden;
    private final Linear meanHidden;
    private final Linear meanOut;
    private final Linear varHidden;
    private final Linear varOut;

    /**
     * @param dim width of y (and of x)
     */
    public Club(int dim) {
        hidden = Math.max(1, dim / 2);
        meanHidden = addChildBlock("meanHidden", Linear.builder().setUnits(hidden).build());
        meanOut = addChildBlock("meanOut", Linear.builder().setUnits(dim).build());
        varHidden = addChildBlock("varHidden", Linear.builder().setUnits(hidden).build());
        varOut = addChildBlock("varOut", Linear.builder().setUnits(dim).build());
    }

    /**
     * q_ψ(y | x).
     *
     * @param ps the parameter store
     * @param x (B, d)
     * @param frozen detach ψ (no gradient reaches the CLUB network)
     * @return μ, logvar (B, d); the sample is μ
     */
    public Gaussian conditional(ParameterStore ps, NDArray x, boolean frozen) {
        NDArray mu = dense(ps, meanOut, Activation.relu(dense(ps, meanHidden, x, frozen)), frozen);
        NDArray h = Activation.relu(dense(ps, varHidden, x, frozen)); // (B, d/2)
        NDArray logVar = dense(ps, varOut, h, frozen).tanh(); // (B, d)
        return new Gaussian(mu, logVar, mu);
    }

    /**
     * The CLUB estimate with ψ frozen: minimise it to decorrelate x and y.
     *
     * @param ps the parameter store
     * @param x (B, d)
     * @param y (B, d)
     * @return scalar I_CLUB(x; y)
     */
    public NDArray upperBound(ParameterStore ps, NDArray x, NDArray y) {
        Gaussian q = conditional(ps, x, true);
        NDArray mu = q.mean(); // (B, d)
        NDArray twoVar = Tensors.scale(q.logVariance().exp(), 2f); // (B, d)
        NDArray ey = y.mean(new int[] {0}, true); // (1, d)
        NDArray ey2 = y.square().mean(new int[] {0}, true); // (1, d)
        NDArray allPairs = mu.square().sub(Tensors.scale(mu.mul(ey), 2f)).add(ey2); // (B, d)
        NDArray matched = y.sub(mu).square(); // (B, d)
        return allPairs.sub(matched).div(twoVar).sum(new int[] {1}).mean(); // ()
    }

    /**
     * The estimator's own loss −log q_ψ(y|x) (up to constants) on detached inputs.
     *
     * @param ps the parameter store
     * @param x (B, d)
     * @param y (B, d)
     * @return scalar L_ψ
     */
    public NDArray learningLoss(ParameterStore ps, NDArray x, NDArray y) {
        Gaussian q = conditional(ps, x.stopGradient(), false);
        NDArray yd = y.stopGradient();
        NDArray nll = yd.sub(q.mean()).square().div(q.logVariance().exp()).add(q.logVariance());
        return nll.sum(new int[] {1}).mean(); // ()
    }

    /** x·Wᵀ + b with the weights optionally detached and adopted by the batch's manager. */
    private static NDArray dense(ParameterStore ps, Linear linear, NDArray x, boolean frozen) {
        NDArray w = value(ps, linear, "weight", x, frozen);
        NDArray b = value(ps, linear, "bias", x, frozen);
        return x.getNDArrayInternal().linear(x, w, b).head();
    }

    private static NDArray value(
            ParameterStore ps, Linear linear, String name, NDArray x, boolean frozen) {
        Parameter p = linear.getParameters().get(name);
        NDArray v = ps.getValue(p, x.getDevice(), true);
        if (!frozen) {
            return v;
        }
        NDArray detached = v.stopGradient(); // lands on the parameter's manager: move it
        detached.attach(x.getManager());
        return detached;
    }

    /** Inputs x, y (B, d); output the upper bound. */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(upperBound(ps, inputs.get(0), inputs.get(1)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape()};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        Shape x = shapes[0];
        meanHidden.initialize(manager, dataType, x);
        varHidden.initialize(manager, dataType, x);
        meanOut.initialize(manager, dataType, new Shape(x.get(0), hidden));
        varOut.initialize(manager, dataType, new Shape(x.get(0), hidden));
    }
}
