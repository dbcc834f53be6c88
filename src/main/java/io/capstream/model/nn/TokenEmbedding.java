package io.capstream.model.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A learned embedding table E (V, e) with an id lookup {@code E[ids]}.
 *
 * <p>DJL's {@code IdEmbedding} does the same lookup; this block exists to own its initialiser (N(0,
 * σ²): σ = 1 for diffusion word embeddings as in Diffusion-LM, small for encoders) and to expose
 * the table for x̂0 = softmax(logits)·E. The lookup runs PyTorch's {@code embedding} with the ids
 * as receiver, so its result belongs to the batch's manager.
 */
public final class TokenEmbedding extends AbstractBlock {
    private final int vocabularySize;
    private final int dim;
    private final Parameter table;

    /**
     * @param vocabularySize V
     * @param dim e
     * @param initSigma standard deviation of the N(0, σ²) initialisation
     */
    public TokenEmbedding(int vocabularySize, int dim, float initSigma) {
        this.vocabularySize = vocabularySize;
        this.dim = dim;
        table =
                addParameter(
                        Parameter.builder()
                                .setName("table")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(vocabularySize, dim))
                                .optInitializer(new NormalInitializer(initSigma))
                                .build());
    }

    /** V. */
    public int vocabularySize() {
        return vocabularySize;
    }

    /** e. */
    public int dim() {
        return dim;
    }

    /**
     * @param ps the parameter store
     * @param ids integer ids of any shape (...)
     * @param training training mode (gradient to E)
     * @return (..., e)
     */
    public NDArray lookup(ParameterStore ps, NDArray ids, boolean training) {
        NDArray e = table(ps, ids.getDevice(), training);
        return ids.getNDArrayInternal().embedding(ids, e, SparseFormat.DENSE).head(); // (..., e)
    }

    /**
     * The table itself (a parameter array: never use it as an op receiver inside a batch scope).
     *
     * @param ps the parameter store
     * @param device the batch device
     * @param training training mode
     * @return E (V, e)
     */
    public NDArray table(ParameterStore ps, Device device, boolean training) {
        return ps.getValue(table, device, training);
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(lookup(ps, inputs.head(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(dim)};
    }
}
