package io.capstream.model.autoregressive;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.capstream.model.CaptionGenerator;
import io.capstream.model.Captions;
import io.capstream.model.LossTerms;
import io.capstream.model.ModelConfig;
import io.capstream.model.nn.BatchScope;
import io.capstream.model.nn.Masks;
import io.capstream.model.nn.PositionEmbedding;
import io.capstream.model.nn.Tensors;
import io.capstream.model.nn.TokenEmbedding;
import io.capstream.model.nn.TransformerStack;

/**
 * The autoregressive baseline the papers argue against: a causal pre-LN Transformer decoder of the
 * same width and depth as one diffusion stage, cross-attending to the same visual memory.
 *
 * <pre>
 *   in     = [BOS, y_1 … y_{L−1}]                           (B, L)   teacher forcing
 *   h      = Stack(Emb(in) + P, causal mask, memory M)      (B, L, d)
 *   logits = Linear(h)                                      (B, L, V)
 *   L_CE   = −Σ_l m_l·log softmax(logits_l)[y_l] / Σ_l m_l   m: words and the first EOS
 * </pre>
 *
 * Inference decodes left to right with {@link BeamSearch} (width 1 = greedy), re-running the
 * decoder on the fixed-length prefix each step; the causal mask makes the unused slots harmless.
 */
public final class AutoregressiveDecoder extends AbstractBlock implements CaptionGenerator {
    private final ModelConfig config;
    private final int vocabularySize;
    private final int length;
    private final TokenEmbedding words;
    private final PositionEmbedding positions;
    private final TransformerStack stack;
    private final Linear head;

    /**
     * @param config d, heads, denoiserLayers (depth), L, beam settings
     * @param vocabularySize V (the embedding has one more id, V, for BOS)
     */
    public AutoregressiveDecoder(ModelConfig config, int vocabularySize) {
        this.config = config;
        this.vocabularySize = vocabularySize;
        this.length = config.maxLength();
        int d = config.modelDim();
        words = addChildBlock("words", new TokenEmbedding(vocabularySize + 1, d, 0.02f));
        positions = addChildBlock("positions", new PositionEmbedding(length, d));
        stack =
                addChildBlock(
                        "stack",
                        new TransformerStack(
                                config.denoiserLayers(),
                                d,
                                config.heads(),
                                config.feedForwardDim(),
                                true,
                                config.dropout()));
        head = addChildBlock("head", Linear.builder().setUnits(vocabularySize).build());
    }

    /** The id fed before the first word. */
    public int bos() {
        return vocabularySize;
    }

    /**
     * Causal logits.
     *
     * @param ps the parameter store
     * @param inputs (B, L) ids: BOS then words
     * @param memory (B, N, d)
     * @param training training mode
     * @return (B, L, V); position l depends only on inputs[0..l]
     */
    public NDArray logits(ParameterStore ps, int[][] inputs, NDArray memory, boolean training) {
        NDManager m = memory.getManager();
        NDArray x = words.lookup(ps, Tensors.ints(m, inputs), training); // (B, L, d)
        x = positions.forward(ps, x, training); // (B, L, d)
        NDArray causal = Masks.causal(m, inputs.length, length); // (B, L, L)
        NDArray h = stack.forward(ps, x, causal, memory, null, training); // (B, L, d)
        return head.forward(ps, new NDList(h), training).head(); // (B, L, V)
    }

    @Override
    public void addLosses(
            LossTerms terms,
            ParameterStore ps,
            NDArray memory,
            int[][] captions,
            boolean training) {
        NDManager m = memory.getManager();
        int b = captions.length;
        int[][] inputs = new int[b][length];
        float[] mask = new float[b * length];
        for (int i = 0; i < b; i++) {
            inputs[i][0] = bos();
            System.arraycopy(captions[i], 0, inputs[i], 1, length - 1);
            for (int l = 0; l < length; l++) {
                mask[i * length + l] = 1f;
                if (captions[i][l] == 0) {
                    break; // the first EOS is a target, padding after it is not
                }
            }
        }
        NDArray logp = logits(ps, inputs, memory, training).logSoftmax(2); // (B, L, V)
        NDArray target = Tensors.ints(m, captions).oneHot(vocabularySize); // (B, L, V)
        NDArray nll = logp.mul(target).sum(new int[] {2}).neg(); // (B, L)
        NDArray weights = Tensors.floats(m, mask, new Shape(b, length)); // (B, L)
        terms.add(
                LossTerms.CE,
                nll.mul(weights).sum().div(weights.sum()), // ()
                config.lambdaCe());
    }

    @Override
    public Captions generate(ParameterStore ps, NDArray memory) {
        return decode(ps, memory, config.beamWidth());
    }

    /**
     * Greedy (width 1) or beam decoding.
     *
     * @param ps the parameter store
     * @param memory (B, N, d)
     * @param width beam width k
     * @return the captions with per-word probabilities
     */
    @SuppressWarnings("try") // the scope is only opened to be closed
    public Captions decode(ParameterStore ps, NDArray memory, int width) {
        int b = (int) memory.getShape().get(0);
        NDArray beams = width == 1 ? memory : memory.repeat(0, width); // (B·k, N, d)
        BeamSearch search = new BeamSearch(width, config.lengthPenalty(), length, bos());
        return search.search(
                b,
                (inputs, t) -> {
                    try (BatchScope step = BatchScope.nested(memory.getManager(), beams)) {
                        NDArray lg = logits(ps, inputs, beams, false); // (B·k, L, V)
                        return Tensors.rows(
                                lg.get(":, {}, :", t).logSoftmax(1).toFloatArray(),
                                inputs.length); // (B·k, V)
                    }
                });
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("use addLosses(...) or generate(...)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), length, vocabularySize)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        long b = shapes[0].get(0);
        Shape h = new Shape(b, length, config.modelDim());
        words.initialize(manager, dataType, new Shape(b, length));
        positions.initialize(manager, dataType, h);
        stack.initialize(manager, dataType, h, shapes[0]);
        head.initialize(manager, dataType, h);
    }
}
