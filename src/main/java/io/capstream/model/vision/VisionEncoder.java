package io.capstream.model.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.capstream.model.ModelConfig;
import io.capstream.model.nn.PositionEmbedding;
import io.capstream.model.nn.TransformerStack;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The image encoder, trained from scratch (IBA-CD eq. 1 Transformer^I; DECIDER's uni-image encoder
 * E_s):
 *
 * <pre>
 *   F = Stem(image)                      (B, N, d)   N = g² grid tokens
 *   U = LN(Linear(F) + P)                (B, N, d)
 *   U = Stack(U)                         (B, N, d)   n pre-LN self-attention layers + final LN
 * </pre>
 *
 * It counts its forward calls ({@link #forwardCount()}), so callers and tests can check that the
 * visual memory is computed once per batch and never inside the sampling loop.
 */
public final class VisionEncoder extends AbstractBlock {
    private final int tokens;
    private final int dim;
    private final ImageStem stem;
    private final Linear projection;
    private final PositionEmbedding positions;
    private final LayerNorm inputNorm;
    private final TransformerStack stack;
    private final AtomicLong forwardCount = new AtomicLong();

    /**
     * @param config image size, stem, d, heads and visionLayers
     */
    public VisionEncoder(ModelConfig config) {
        tokens = config.visualTokens();
        dim = config.modelDim();
        stem = addChildBlock("stem", new ImageStem(config));
        projection = addChildBlock("projection", Linear.builder().setUnits(dim).build());
        positions = addChildBlock("positions", new PositionEmbedding(tokens, dim));
        inputNorm = addChildBlock("inputNorm", LayerNorm.builder().axis(2).build());
        stack =
                addChildBlock(
                        "stack",
                        new TransformerStack(
                                config.visionLayers(),
                                dim,
                                config.heads(),
                                config.feedForwardDim(),
                                false,
                                config.dropout()));
    }

    /**
     * @param ps the parameter store
     * @param images (B, 3, H, H) in [0, 1]
     * @param training training mode
     * @return visual tokens U (B, N, d)
     */
    public NDArray forward(ParameterStore ps, NDArray images, boolean training) {
        forwardCount.incrementAndGet();
        NDArray f = stem.forward(ps, images, training); // (B, N, d)
        NDArray u = projection.forward(ps, new NDList(f), training).head(); // (B, N, d)
        u = positions.forward(ps, u, training); // (B, N, d)
        u = inputNorm.forward(ps, new NDList(u), training).head(); // (B, N, d)
        return stack.forward(ps, u, null, null, null, training); // (B, N, d)
    }

    /** How many times {@link #forward} ran since construction. */
    public long forwardCount() {
        return forwardCount.get();
    }

    /** N, tokens per image. */
    public int tokens() {
        return tokens;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.head(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), tokens, dim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        stem.initialize(manager, dataType, shapes[0]);
        Shape u = new Shape(shapes[0].get(0), tokens, dim);
        projection.initialize(manager, dataType, u);
        positions.initialize(manager, dataType, u);
        inputNorm.initialize(manager, dataType, u);
        stack.initialize(manager, dataType, u);
    }
}
