package io.capstream.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.ParameterList;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.capstream.model.bottleneck.Gaussian;
import io.capstream.model.bottleneck.GaussianKl;
import io.capstream.model.bottleneck.InfoNce;
import io.capstream.model.bottleneck.VariationalHead;
import io.capstream.model.nn.BatchScope;
import io.capstream.model.text.TextEncoder;
import io.capstream.model.vision.VisionEncoder;

/**
 * IBA-CD: information-bottleneck cross-modal alignment + cascaded diffusion captioning of single
 * (cartoon) images (Feng et al., J. Applied Science and Engineering 29(5), 2026).
 *
 * <pre>
 *   V    = VisionEncoder(image)                        (B, N, d)   eq. 1, Transformer^I
 *   Z_v  ~ N(μ_v(V), σ_v²(V)), token-wise               (B, N, d)   eq. 8 (μ at inference)
 *   t̄    = TextEncoder(caption)                         (B, d)      eq. 1, Transformer^C (training only)
 *   z_t  ~ N(μ_t(t̄), σ_t²(t̄))                           (B, d)
 *   L_IB = InfoNCE(W_v·mean_N(Z_v), W_t·z_t) + β·(KL_v + KL_t)        eqs. 2, 9–12
 *   L    = L_IB + λ·Σ_s L_CE^s + γ·Σ_s L_REG^s                       eq. 24, generator on Z_v
 * </pre>
 *
 * Caption generation cross-attends to Z_v = μ_v, computed once per batch.
 */
public final class IbaCdModel extends AbstractBlock implements CaptioningModel {
    private final ModelConfig config;
    private final int vocabularySize;
    private final VisionEncoder vision;
    private final VariationalHead imageBottleneck;
    private final TextEncoder text;
    private final VariationalHead textBottleneck;
    private final Linear imageProjection;
    private final Linear textProjection;
    private final CaptionGenerator generator;

    /**
     * @param config a config with task iba-cd
     * @param vocabularySize V (ids 0 = EOS, 1 = UNK, …)
     */
    public IbaCdModel(ModelConfig config, int vocabularySize) {
        if (config.task() != ModelConfig.Task.IBA_CD) {
            throw new IllegalArgumentException(
                    "IbaCdModel needs task iba-cd, got " + config.task());
        }
        this.config = config;
        this.vocabularySize = vocabularySize;
        int d = config.modelDim();
        vision = addChildBlock("vision", new VisionEncoder(config));
        imageBottleneck = addChildBlock("imageBottleneck", new VariationalHead(d));
        text = addChildBlock("text", new TextEncoder(config, vocabularySize));
        textBottleneck = addChildBlock("textBottleneck", new VariationalHead(d));
        imageProjection = addChildBlock("imageProjection", projection(config));
        textProjection = addChildBlock("textProjection", projection(config));
        generator = addChildBlock("generator", CaptionGenerator.create(config, vocabularySize));
    }

    static Linear projection(ModelConfig config) {
        return Linear.builder().setUnits(config.projectionDim()).build();
    }

    /**
     * The loss terms of one batch.
     *
     * @param ps the parameter store
     * @param images (B, 3, H, H) in [0, 1]
     * @param captions (B, L) ids
     * @param training training mode
     * @return infonce, kl (if ib), ce, reg (as switched), attached to the images' manager
     */
    public LossTerms lossTerms(
            ParameterStore ps, NDArray images, int[][] captions, boolean training) {
        CaptioningModel.checkBatch(this, new NDList(images), captions);
        try (BatchScope scope = BatchScope.forPass(training, images)) {
            LossTerms terms = new LossTerms();
            NDArray v = vision.forward(ps, images, training); // (B, N, d)
            Gaussian zv = imageBottleneck.forward(ps, v, training && config.ib()); // (B, N, d)
            if (config.ib()) {
                NDArray t = text.encodePooled(ps, scope.manager(), captions, training); // (B, d)
                Gaussian zt = textBottleneck.forward(ps, t, training); // (B, d)
                NDArray a = project(ps, imageProjection, zv.sample().mean(new int[] {1})); // (B,k)
                NDArray b = project(ps, textProjection, zt.sample()); // (B, k)
                NDArray mi = InfoNce.symmetric(a, b, config.tau(), InfoNce.groupsOf(captions));
                terms.add(LossTerms.INFONCE, mi, 1f);
                if (config.beta() > 0) {
                    NDArray kl =
                            GaussianKl.toStandardNormal(zv).add(GaussianKl.toStandardNormal(zt));
                    terms.add(LossTerms.KL, kl, config.beta());
                }
            }
            generator.addLosses(terms, ps, zv.sample(), captions, training);
            return terms.keep(scope);
        }
    }

    /**
     * Captions a batch of images.
     *
     * @param ps the parameter store
     * @param images (B, 3, H, H) in [0, 1]
     * @return the captions
     */
    @SuppressWarnings("try") // the scope is only opened to be closed
    public Captions caption(ParameterStore ps, NDArray images) {
        try (BatchScope scope = BatchScope.borrowing(images)) {
            NDArray v = vision.forward(ps, images, false); // (B, N, d), once per batch
            NDArray zv = imageBottleneck.forward(ps, v, false).sample(); // μ_v (B, N, d)
            return generator.generate(ps, zv);
        }
    }

    static NDArray project(ParameterStore ps, Linear projection, NDArray x) {
        return projection.forward(ps, new NDList(x), true).head();
    }

    @Override
    public LossTerms lossTerms(
            ParameterStore ps, NDList images, int[][] captions, boolean training) {
        CaptioningModel.checkBatch(this, images, captions);
        return lossTerms(ps, images.head(), captions, training);
    }

    @Override
    public Captions caption(ParameterStore ps, NDList images) {
        CaptioningModel.checkBatch(this, images, null);
        return caption(ps, images.head());
    }

    /** The image encoder (its {@link VisionEncoder#forwardCount()} counts encoder passes). */
    public VisionEncoder vision() {
        return vision;
    }

    /** The caption generator (diffusion or autoregressive, per config). */
    public CaptionGenerator generator() {
        return generator;
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public int vocabularySize() {
        return vocabularySize;
    }

    @Override
    public int imagesPerSample() {
        return 1;
    }

    @Override
    public ParameterList estimatorParameters() {
        return new ParameterList();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("use lossTerms(...) or caption(...)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.maxLength())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        long b = shapes[0].get(0);
        Shape tokens = new Shape(b, config.visualTokens(), config.modelDim());
        Shape pooled = new Shape(b, config.modelDim());
        vision.initialize(manager, dataType, shapes[0]);
        imageBottleneck.initialize(manager, dataType, tokens);
        text.initialize(manager, dataType, new Shape(b, config.maxLength()));
        textBottleneck.initialize(manager, dataType, pooled);
        imageProjection.initialize(manager, dataType, pooled);
        textProjection.initialize(manager, dataType, pooled);
        generator.initialize(manager, dataType, tokens);
    }
}
