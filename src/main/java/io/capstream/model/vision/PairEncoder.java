package io.capstream.model.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.capstream.model.ModelConfig;
import io.capstream.model.nn.Tensors;
import io.capstream.model.nn.TokenEmbedding;
import io.capstream.model.nn.TransformerStack;

/**
 * DECIDER's image-pair encoder (eq. 2, v = E_p([E_s(I1); E_s(I2)])) with DUDA/DIRL-style
 * differences:
 *
 * <pre>
 *   U_b, U_a = E_s(before), E_s(after)             (B, N, d)   one siamese encoder, shared weights
 *   C_b = CrossAttn(Q = LN(U_b), K = V = LN(U_a))  (B, N, d)   what "before" shares with "after"
 *   C_a = CrossAttn(Q = LN(U_a), K = V = LN(U_b))  (B, N, d)
 *   D_b = U_b − C_b,  D_a = U_a − C_a              (B, N, d)   difference = own − common
 *   M = Stack([U_b + s0; U_a + s1; D_b + s2; D_a + s2])   (B, 4N, d)
 * </pre>
 *
 * Both images go through the vision encoder in one call on the stacked batch (2B).
 */
public final class PairEncoder extends AbstractBlock {
    private final int tokens;
    private final int dim;
    private final VisionEncoder vision;
    private final LayerNorm crossNorm;
    private final ScaledDotProductAttentionBlock crossAttention;
    private final TokenEmbedding segments;
    private final TransformerStack stack;

    /**
     * @param config d, heads, visionLayers, pairLayers, image settings
     */
    public PairEncoder(ModelConfig config) {
        dim = config.modelDim();
        vision = addChildBlock("vision", new VisionEncoder(config));
        tokens = vision.tokens();
        crossNorm = addChildBlock("crossNorm", LayerNorm.builder().axis(2).build());
        crossAttention =
                addChildBlock(
                        "crossAttention",
                        ScaledDotProductAttentionBlock.builder()
                                .setEmbeddingSize(dim)
                                .setHeadCount(config.heads())
                                .optAttentionProbsDropoutProb(config.dropout())
                                .build());
        segments = addChildBlock("segments", new TokenEmbedding(3, dim, 0.02f));
        stack =
                addChildBlock(
                        "stack",
                        new TransformerStack(
                                config.pairLayers(),
                                dim,
                                config.heads(),
                                config.feedForwardDim(),
                                false,
                                config.dropout()));
    }

    /** The shared (siamese) image encoder. */
    public VisionEncoder vision() {
        return vision;
    }

    /**
     * @param ps the parameter store
     * @param before (B, 3, H, H) in [0, 1]
     * @param after (B, 3, H, H) in [0, 1]
     * @param training training mode
     * @return the memory and pooled representations
     */
    public PairEncoding forward(
            ParameterStore ps, NDArray before, NDArray after, boolean training) {
        long b = before.getShape().get(0);
        NDArray images = before.concat(after, 0); // (2B, 3, H, H)
        NDArray u = vision.forward(ps, images, training); // (2B, N, d) = [U_b; U_a]
        NDArray uBefore = u.get("0:{}", b); // (B, N, d)
        NDArray uAfter = u.get("{}:", b); // (B, N, d)
        NDArray other = uAfter.concat(uBefore, 0); // (2B, N, d) = [U_a; U_b]
        NDArray q = crossNorm.forward(ps, new NDList(u), training).head(); // (2B, N, d)
        NDArray kv = crossNorm.forward(ps, new NDList(other), training).head(); // (2B, N, d)
        NDArray common = crossAttention.forward(ps, new NDList(kv, q, kv), training).head();
        NDArray diff = u.sub(common); // (2B, N, d) = [D_b; D_a]
        NDArray aligned = uAfter.sub(uBefore); // (B, N, d): same grid cell, after − before
        NDArray slots =
                NDArrays.concat(
                        new NDList(uBefore, uAfter, aligned, diff.get("{}:", b)), 1); // (B, 4N, d)
        slots = slots.add(segmentTable(ps, slots.getManager(), training)); // + (4N, d)
        NDArray memory = stack.forward(ps, slots, null, null, null, training); // (B, 4N, d)
        return new PairEncoding(
                memory,
                uBefore.mean(new int[] {1}), // (B, d)
                uAfter.mean(new int[] {1}), // (B, d)
                memory.get(":, {}:", 2 * tokens).mean(new int[] {1}), // (B, d)
                memory.mean(new int[] {1})); // (B, d)
    }

    /** s0, s1, s2, s2 repeated over the N tokens of each slot: (4N, d). */
    private NDArray segmentTable(ParameterStore ps, NDManager manager, boolean training) {
        int[] ids = new int[4 * tokens];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = Math.min(i / tokens, 2);
        }
        return segments.lookup(ps, Tensors.ints(manager, ids), training); // (4N, d)
    }

    /** Inputs: before, after (B, 3, H, H). Output: memory (B, 4N, d). */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.get(0), inputs.get(1), training).memory());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), 4L * tokens, dim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        long b = shapes[0].get(0);
        vision.initialize(
                manager, dataType, new Shape(2 * b, 3, shapes[0].get(2), shapes[0].get(3)));
        Shape u = new Shape(2 * b, tokens, dim);
        crossNorm.initialize(manager, dataType, u);
        crossAttention.initialize(manager, dataType, u, u, u);
        segments.initialize(manager, dataType, new Shape(4L * tokens));
        stack.initialize(manager, dataType, new Shape(b, 4L * tokens, dim));
    }
}
