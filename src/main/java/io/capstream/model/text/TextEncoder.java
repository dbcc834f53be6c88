package io.capstream.model.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.capstream.model.ModelConfig;
import io.capstream.model.nn.Masks;
import io.capstream.model.nn.PositionEmbedding;
import io.capstream.model.nn.Tensors;
import io.capstream.model.nn.TokenEmbedding;
import io.capstream.model.nn.TransformerStack;

/**
 * The caption encoder of the alignment branch (IBA-CD eq. 1 Transformer^C, DECIDER eq. 1 E_L):
 *
 * <pre>
 *   T = Stack(Emb(y) + P, mask = words)      (B, L, d)
 *   t̄ = Σ_l m_l·T_l / Σ_l m_l                (B, d)   mean over the words (before the first EOS)
 * </pre>
 *
 * Padding never influences the result: it is masked as attention key and in the pool.
 */
public final class TextEncoder extends AbstractBlock {
    private final int maxLength;
    private final TokenEmbedding words;
    private final PositionEmbedding positions;
    private final TransformerStack stack;

    /**
     * @param config the model config (d, heads, textLayers, L)
     * @param vocabularySize V
     */
    public TextEncoder(ModelConfig config, int vocabularySize) {
        maxLength = config.maxLength();
        int d = config.modelDim();
        words = addChildBlock("words", new TokenEmbedding(vocabularySize, d, 0.02f));
        positions = addChildBlock("positions", new PositionEmbedding(maxLength, d));
        stack =
                addChildBlock(
                        "stack",
                        new TransformerStack(
                                config.textLayers(),
                                d,
                                config.heads(),
                                config.feedForwardDim(),
                                false,
                                config.dropout()));
    }

    /**
     * Encodes captions and mean-pools over their words.
     *
     * @param ps the parameter store
     * @param manager the batch scope to create the ids in
     * @param ids (B, L) caption ids, EOS-padded
     * @param training training mode
     * @return t̄ (B, d)
     */
    public NDArray encodePooled(
            ParameterStore ps, NDManager manager, int[][] ids, boolean training) {
        boolean[][] valid = Masks.words(ids);
        NDArray idArray = Tensors.ints(manager, ids); // (B, L)
        NDArray x = positions.forward(ps, words.lookup(ps, idArray, training), training); // (B,L,d)
        NDArray mask = Masks.keys(manager, valid, maxLength); // (B, L, L)
        NDArray h = stack.forward(ps, x, mask, null, null, training); // (B, L, d)
        return Masks.meanPool(h, valid); // (B, d)
    }

    /** Input: ids (B, L) as int32. Output: t̄ (B, d). */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.head();
        int[] flat = ids.toIntArray();
        int b = (int) ids.getShape().get(0);
        int[][] rows = new int[b][maxLength];
        for (int i = 0; i < b; i++) {
            System.arraycopy(flat, i * maxLength, rows[i], 0, maxLength);
        }
        return new NDList(encodePooled(ps, ids.getManager(), rows, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), stackWidth())};
    }

    private long stackWidth() {
        return words.dim();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        Shape ids = new Shape(shapes[0].get(0), maxLength);
        Shape h = new Shape(shapes[0].get(0), maxLength, words.dim());
        words.initialize(manager, dataType, ids);
        positions.initialize(manager, dataType, h);
        stack.initialize(manager, dataType, h);
    }
}
