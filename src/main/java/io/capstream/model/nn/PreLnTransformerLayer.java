package io.capstream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-LN Transformer layer (Xiong et al. 2020), optionally with cross-attention:
 *
 * <pre>
 *   h = x + Drop(SelfAttn(LN1(x), mask))
 *   h = h + Drop(CrossAttn(Q = LN2(h), K = V = memory, memoryMask))     (cross layers only)
 *   y = h + Drop(W2 · GELU(W1 · LN3(h)))
 * </pre>
 *
 * Written from DJL's {@link ScaledDotProductAttentionBlock}, {@link LayerNorm} and {@link Linear}
 * because DJL's {@code TransformerEncoderBlock} normalises with BatchNorm and adds the wrong
 * residual (research/model.md §4.1). Masks are 1 = attend, 0 = blocked.
 */
public final class PreLnTransformerLayer extends AbstractBlock {
    private final boolean cross;
    private final int feedForwardDim;
    private final LayerNorm selfNorm;
    private final ScaledDotProductAttentionBlock selfAttention;
    private final LayerNorm crossNorm;
    private final ScaledDotProductAttentionBlock crossAttention;
    private final LayerNorm ffnNorm;
    private final Linear ffnIn;
    private final Linear ffnOut;
    private final Dropout dropout;

    private PreLnTransformerLayer(Builder b) {
        cross = b.cross;
        feedForwardDim = b.feedForwardDim;
        selfNorm = addChildBlock("selfNorm", LayerNorm.builder().axis(2).build());
        selfAttention = addChildBlock("selfAttention", attention(b));
        crossNorm = cross ? addChildBlock("crossNorm", LayerNorm.builder().axis(2).build()) : null;
        crossAttention = cross ? addChildBlock("crossAttention", attention(b)) : null;
        ffnNorm = addChildBlock("ffnNorm", LayerNorm.builder().axis(2).build());
        ffnIn = addChildBlock("ffnIn", Linear.builder().setUnits(b.feedForwardDim).build());
        ffnOut = addChildBlock("ffnOut", Linear.builder().setUnits(b.modelDim).build());
        dropout = addChildBlock("dropout", Dropout.builder().optRate(b.dropout).build());
    }

    private static ScaledDotProductAttentionBlock attention(Builder b) {
        return ScaledDotProductAttentionBlock.builder()
                .setEmbeddingSize(b.modelDim)
                .setHeadCount(b.heads)
                .optAttentionProbsDropoutProb(b.dropout)
                .build();
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether this layer cross-attends to a memory. */
    public boolean hasCrossAttention() {
        return cross;
    }

    /**
     * Applies the layer.
     *
     * @param ps the parameter store
     * @param x the sequence (B, T, d)
     * @param selfMask null, or (B, T, T) with 1 where query t may attend key t'
     * @param memory null for self-only layers, else (B, N, d)
     * @param memoryMask null, or (B, T, N) with 1 where query t may attend memory slot n
     * @param training whether dropout is active
     * @return (B, T, d)
     */
    public NDArray forward(
            ParameterStore ps,
            NDArray x,
            NDArray selfMask,
            NDArray memory,
            NDArray memoryMask,
            boolean training) {
        NDArray q = apply(ps, selfNorm, x, training); // (B, T, d)
        NDList selfIn = selfMask == null ? new NDList(q) : new NDList(q, selfMask);
        NDArray h = x.add(drop(ps, selfAttention.forward(ps, selfIn, training).head(), training));
        if (cross) {
            if (memory == null) {
                throw new IllegalArgumentException("cross-attention layer called without memory");
            }
            NDArray hq = apply(ps, crossNorm, h, training); // (B, T, d)
            NDList crossIn =
                    memoryMask == null
                            ? new NDList(memory, hq, memory) // keys (B,N,d), queries, values
                            : new NDList(memory, hq, memory, memoryMask);
            h = h.add(drop(ps, crossAttention.forward(ps, crossIn, training).head(), training));
        }
        NDArray f = apply(ps, ffnIn, apply(ps, ffnNorm, h, training), training); // (B, T, ffn)
        f = apply(ps, ffnOut, Activation.gelu(f), training); // (B, T, d)
        return h.add(drop(ps, f, training)); // (B, T, d)
    }

    private NDArray drop(ParameterStore ps, NDArray x, boolean training) {
        return training ? apply(ps, dropout, x, true) : x;
    }

    static NDArray apply(ParameterStore ps, AbstractBlock block, NDArray x, boolean training) {
        return block.forward(ps, new NDList(x), training).head();
    }

    /** Inputs: x (B,T,d) and, for cross layers, memory (B,N,d). */
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
        Shape x = shapes[0];
        selfNorm.initialize(manager, dataType, x);
        selfAttention.initialize(manager, dataType, x);
        if (cross) {
            crossNorm.initialize(manager, dataType, x);
            crossAttention.initialize(manager, dataType, shapes[1], x, shapes[1]);
        }
        ffnNorm.initialize(manager, dataType, x);
        ffnIn.initialize(manager, dataType, x);
        ffnOut.initialize(manager, dataType, new Shape(x.get(0), x.get(1), feedForwardDim));
        dropout.initialize(manager, dataType, x);
    }

    /** DJL-style builder: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private int modelDim;
        private int heads;
        private int feedForwardDim;
        private boolean cross;
        private float dropout;

        private Builder() {}

        /** Sets the model width d. */
        public Builder setModelDim(int modelDim) {
            this.modelDim = modelDim;
            return this;
        }

        /** Sets the number of attention heads (must divide d). */
        public Builder setHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /** Sets the FFN hidden width; default 2·d. */
        public Builder optFeedForwardDim(int feedForwardDim) {
            this.feedForwardDim = feedForwardDim;
            return this;
        }

        /** Adds a cross-attention sub-layer over a memory. */
        public Builder optCrossAttention(boolean cross) {
            this.cross = cross;
            return this;
        }

        /** Sets the dropout rate on attention probabilities and residual branches. */
        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        /** Validates and builds the layer. */
        public PreLnTransformerLayer build() {
            if (modelDim <= 0 || heads <= 0 || modelDim % heads != 0) {
                throw new IllegalArgumentException(
                        "modelDim ("
                                + modelDim
                                + ") must be a positive multiple of heads ("
                                + heads
                                + ")");
            }
            if (feedForwardDim == 0) {
                feedForwardDim = 2 * modelDim;
            }
            if (feedForwardDim < 0 || dropout < 0 || dropout >= 1) {
                throw new IllegalArgumentException(
                        "feedForwardDim ("
                                + feedForwardDim
                                + ") must be > 0 and dropout ("
                                + dropout
                                + ") in [0, 1)");
            }
            return new PreLnTransformerLayer(this);
        }
    }
}
