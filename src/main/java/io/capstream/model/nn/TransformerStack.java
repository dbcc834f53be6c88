package io.capstream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * n {@link PreLnTransformerLayer}s followed by the final LayerNorm that a pre-LN stack needs (the
 * residual stream is never normalised inside the layers).
 */
public final class TransformerStack extends AbstractBlock {
    private final List<PreLnTransformerLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final boolean cross;

    /**
     * @param layers n ≥ 0 (0 gives just the final LayerNorm)
     * @param modelDim d
     * @param heads attention heads
     * @param feedForwardDim FFN width
     * @param cross whether each layer cross-attends to a memory
     * @param dropout dropout rate
     */
    public TransformerStack(
            int layers, int modelDim, int heads, int feedForwardDim, boolean cross, float dropout) {
        this.cross = cross;
        for (int i = 0; i < layers; i++) {
            this.layers.add(
                    addChildBlock(
                            "layer" + i,
                            PreLnTransformerLayer.builder()
                                    .setModelDim(modelDim)
                                    .setHeads(heads)
                                    .optFeedForwardDim(feedForwardDim)
                                    .optCrossAttention(cross)
                                    .optDropout(dropout)
                                    .build()));
        }
        finalNorm = addChildBlock("finalNorm", LayerNorm.builder().axis(2).build());
    }

    /**
     * @param ps the parameter store
     * @param x (B, T, d)
     * @param selfMask null or (B, T, T)
     * @param memory null or (B, N, d) for cross stacks
     * @param memoryMask null or (B, T, N)
     * @param training training mode
     * @return LN(layers(x)), (B, T, d)
     */
    public NDArray forward(
            ParameterStore ps,
            NDArray x,
            NDArray selfMask,
            NDArray memory,
            NDArray memoryMask,
            boolean training) {
        NDArray h = x;
        for (PreLnTransformerLayer layer : layers) {
            h = layer.forward(ps, h, selfMask, memory, memoryMask, training); // (B, T, d)
        }
        return PreLnTransformerLayer.apply(ps, finalNorm, h, training); // (B, T, d)
    }

    /** Inputs: x (B,T,d) and, for cross stacks, memory (B,N,d). */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray memory = cross ? inputs.get(1) : null;
        return new NDList(forward(ps, inputs.head(), null, memory, null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        for (PreLnTransformerLayer layer : layers) {
            layer.initialize(manager, dataType, shapes);
        }
        finalNorm.initialize(manager, dataType, shapes[0]);
    }
}
