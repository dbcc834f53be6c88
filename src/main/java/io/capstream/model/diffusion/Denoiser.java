package io.capstream.model.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.capstream.model.ModelConfig;
import io.capstream.model.nn.PositionEmbedding;
import io.capstream.model.nn.TimeEmbedding;
import io.capstream.model.nn.TransformerStack;

/**
 * One diffusion stage's denoising network f (IBA-CD eqs. 14–19, SCD-Net's predictor), predicting
 * word logits from a noisy caption embedding:
 *
 * <pre>
 *   h = Linear([x_t ; x̂0_sc ; c]) + P + TimeEmb(t)     (B, L, d)   c: previous stage's words (or 0)
 *   h = Stack(h, cross-attention to memory M)          (B, L, d)   bidirectional (no causal mask)
 *   logits = Linear(h)                                 (B, L, V)   (the stack ends with LN)
 * </pre>
 *
 * The x0 prediction is x̂0 = softmax(logits)·E with the generator's embedding table E.
 */
public final class Denoiser extends AbstractBlock {
    private final int length;
    private final int embedDim;
    private final int modelDim;
    private final Linear input;
    private final PositionEmbedding positions;
    private final TimeEmbedding time;
    private final TransformerStack stack;
    private final Linear head;

    /**
     * @param config d, heads, denoiserLayers, e, L
     * @param vocabularySize V
     */
    public Denoiser(ModelConfig config, int vocabularySize) {
        length = config.maxLength();
        embedDim = config.embedDim();
        modelDim = config.modelDim();
        input = addChildBlock("input", Linear.builder().setUnits(modelDim).build());
        positions = addChildBlock("positions", new PositionEmbedding(length, modelDim));
        time = addChildBlock("time", new TimeEmbedding(modelDim));
        stack =
                addChildBlock(
                        "stack",
                        new TransformerStack(
                                config.denoiserLayers(),
                                modelDim,
                                config.heads(),
                                config.feedForwardDim(),
                                true,
                                config.dropout()));
        head = addChildBlock("head", Linear.builder().setUnits(vocabularySize).build());
    }

    /**
     * @param ps the parameter store
     * @param noisy x_t (B, L, e)
     * @param selfCondition x̂0 of a previous pass or zeros (B, L, e)
     * @param cascade previous stage's word embeddings or zeros (B, L, e)
     * @param t times (B)
     * @param memory visual memory (B, N, d)
     * @param training training mode
     * @return logits (B, L, V)
     */
    public NDArray forward(
            ParameterStore ps,
            NDArray noisy,
            NDArray selfCondition,
            NDArray cascade,
            NDArray t,
            NDArray memory,
            boolean training) {
        NDArray in = NDArrays.concat(new NDList(noisy, selfCondition, cascade), 2); // (B, L, 3e)
        NDArray h = input.forward(ps, new NDList(in), training).head(); // (B, L, d)
        h = positions.forward(ps, h, training); // (B, L, d)
        h = h.add(time.forward(ps, t, training).expandDims(1)); // (B, L, d) + (B, 1, d)
        h = stack.forward(ps, h, null, memory, null, training); // (B, L, d)
        return head.forward(ps, new NDList(h), training).head(); // (B, L, V)
    }

    /** Inputs: x_t, self-cond, cascade (B,L,e), t (B), memory (B,N,d). Output: logits. */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
        return new NDList(
                forward(ps, in.get(0), in.get(1), in.get(2), in.get(3), in.get(4), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), length, -1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        long b = shapes[0].get(0);
        Shape h = new Shape(b, length, modelDim);
        input.initialize(manager, dataType, new Shape(b, length, 3L * embedDim));
        positions.initialize(manager, dataType, h);
        time.initialize(manager, dataType, new Shape(b));
        stack.initialize(manager, dataType, h, shapes[4]);
        head.initialize(manager, dataType, h);
    }
}
