package io.capstream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Diffusion time embedding: {@code Linear(SiLU(Linear(sinusoid(1000·t))))}, as in DDPM and
 * Diffusion-LM. The sinusoid uses frequencies {@code f_i = 10000^(−i/(d/2))}:
 *
 * <pre>
 *   s(t) = [sin(1000·t·f_0..f_{d/2−1}) ; cos(1000·t·f_0..f_{d/2−1})]      (B, d)
 * </pre>
 *
 * SiLU is DJL's {@code swish} with β = 1. t is continuous in [0, 1].
 */
public final class TimeEmbedding extends AbstractBlock {
    private final int dim;
    private final Linear hidden;
    private final Linear out;

    /**
     * @param dim the output width d (even)
     */
    public TimeEmbedding(int dim) {
        if (dim <= 0 || dim % 2 != 0) {
            throw new IllegalArgumentException("time embedding width (" + dim + ") must be even");
        }
        this.dim = dim;
        hidden = addChildBlock("hidden", Linear.builder().setUnits(dim).build());
        out = addChildBlock("out", Linear.builder().setUnits(dim).build());
    }

    /**
     * @param ps the parameter store
     * @param t diffusion times (B) in [0, 1]
     * @param training training mode
     * @return the embedding (B, d)
     */
    public NDArray forward(ParameterStore ps, NDArray t, boolean training) {
        NDArray s = sinusoid(t, dim); // (B, d)
        NDArray h = PreLnTransformerLayer.apply(ps, hidden, s, training); // (B, d)
        NDArray silu = h.mul(Activation.sigmoid(h)); // SiLU = swish(β = 1), (B, d)
        return PreLnTransformerLayer.apply(ps, out, silu, training); // (B, d)
    }

    /**
     * The fixed sinusoidal features of 1000·t.
     *
     * @param t times (B)
     * @param dim even width d
     * @return (B, d)
     */
    public static NDArray sinusoid(NDArray t, int dim) {
        int half = dim / 2;
        float[] freq = new float[half];
        for (int i = 0; i < half; i++) {
            freq[i] = (float) Math.exp(-Math.log(10000.0) * i / half);
        }
        NDArray f = Tensors.floats(t.getManager(), freq, new Shape(1, half)); // (1, d/2)
        NDArray arg = Tensors.scale(t, 1000f).reshape(-1, 1).mul(f); // (B, d/2)
        return NDArrays.concat(new NDList(arg.sin(), arg.cos()), 1); // (B, d)
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.head(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), dim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        Shape s = new Shape(shapes[0].get(0), dim);
        hidden.initialize(manager, dataType, s);
        out.initialize(manager, dataType, s);
    }
}
