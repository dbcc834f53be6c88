package io.capstream.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.ParameterList;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.capstream.model.bottleneck.Club;
import io.capstream.model.bottleneck.Gaussian;
import io.capstream.model.bottleneck.GaussianKl;
import io.capstream.model.bottleneck.InfoNce;
import io.capstream.model.bottleneck.VariationalHead;
import io.capstream.model.nn.BatchScope;
import io.capstream.model.text.TextEncoder;
import io.capstream.model.vision.PairEncoder;
import io.capstream.model.vision.PairEncoding;

/**
 * DECIDER: difference-aware contrastive diffusion with adversarial perturbations for image change
 * captioning (Zhong et al., AAAI 2025).
 *
 * <pre>
 *   M, ū_b, ū_a, d̄, p̄ = PairEncoder(before, after)              eq. 2 (M: (B, 4N, d))
 *   z_p ~ N(μ_p(p̄), σ_p²(p̄)),  z_t ~ N(μ_t(t̄), σ_t²(t̄))        VIB, t̄ = TextEncoder(caption)
 *   L_IB = InfoNCE(W_p·z_p, W_t·z_t)                            eq. 5, identical captions masked
 *        + α_c·[CLUB⁺(ū_b; d̄) + CLUB⁺(ū_a; d̄)]                  eqs. 6–7, I(v'_1; v) + I(v'_2; v)
 *        + α_s·SKL                                              Theorem 1 (sklMode)
 *        + β·(KL(z_p ‖ N(0,I)) + KL(z_t ‖ N(0,I)))
 *   L    = L_IB + λ·L_CE + γ·L_REG + λ_cd·L_cd                   eq. 19, generator on M
 * </pre>
 *
 * The CLUB network q_ψ is fitted by its own term {@link LossTerms#CLUB_ESTIMATOR} and listed in
 * {@link #estimatorParameters()}, for a separate optimizer. CLUB⁺ = max(0, CLUB): a negative
 * estimate only means q_ψ lags behind, and minimising it let the encoder exploit the stale
 * estimator (on a toy change-captioning task exact captions fell from 60% to 18% without the
 * clamp). With sklMode = images the symmetric KL compares q_ψ(·|ū_b) and q_ψ(·|ū_a), the p(v|v'_1),
 * p(v|v'_2) of Theorem 1.
 */
public final class DeciderModel extends AbstractBlock implements CaptioningModel {
    private final ModelConfig config;
    private final int vocabularySize;
    private final PairEncoder pair;
    private final VariationalHead pairBottleneck;
    private final TextEncoder text;
    private final VariationalHead textBottleneck;
    private final Linear pairProjection;
    private final Linear textProjection;
    private final Club club;
    private final CaptionGenerator generator;

    /**
     * @param config a config with task decider
     * @param vocabularySize V
     */
    public DeciderModel(ModelConfig config, int vocabularySize) {
        if (config.task() != ModelConfig.Task.DECIDER) {
            throw new IllegalArgumentException(
                    "DeciderModel needs task decider, got " + config.task());
        }
        this.config = config;
        this.vocabularySize = vocabularySize;
        int d = config.modelDim();
        pair = addChildBlock("pair", new PairEncoder(config));
        pairBottleneck = addChildBlock("pairBottleneck", new VariationalHead(d));
        text = addChildBlock("text", new TextEncoder(config, vocabularySize));
        textBottleneck = addChildBlock("textBottleneck", new VariationalHead(d));
        pairProjection = addChildBlock("pairProjection", IbaCdModel.projection(config));
        textProjection = addChildBlock("textProjection", IbaCdModel.projection(config));
        club = addChildBlock("club", new Club(d));
        generator = addChildBlock("generator", CaptionGenerator.create(config, vocabularySize));
    }

    /**
     * The loss terms of one batch of pairs.
     *
     * @param ps the parameter store
     * @param before (B, 3, H, H) in [0, 1]
     * @param after (B, 3, H, H) in [0, 1]
     * @param captions (B, L) ids of the change captions
     * @param training training mode
     * @return the switched-on terms, attached to the images' manager
     */
    public LossTerms lossTerms(
            ParameterStore ps, NDArray before, NDArray after, int[][] captions, boolean training) {
        CaptioningModel.checkBatch(this, new NDList(before, after), captions);
        try (BatchScope scope = BatchScope.forPass(training, before, after)) {
            LossTerms terms = new LossTerms();
            PairEncoding enc = pair.forward(ps, before, after, training);
            if (config.ib()) {
                addBottleneckTerms(terms, ps, scope, enc, captions, training);
            }
            generator.addLosses(terms, ps, enc.memory(), captions, training);
            return terms.keep(scope);
        }
    }

    private void addBottleneckTerms(
            LossTerms terms,
            ParameterStore ps,
            BatchScope scope,
            PairEncoding enc,
            int[][] captions,
            boolean training) {
        Gaussian zp = pairBottleneck.forward(ps, enc.pair(), training); // (B, d)
        NDArray t = text.encodePooled(ps, scope.manager(), captions, training); // (B, d)
        Gaussian zt = textBottleneck.forward(ps, t, training); // (B, d)
        NDArray a = IbaCdModel.project(ps, pairProjection, zp.sample()); // (B, k)
        NDArray b = IbaCdModel.project(ps, textProjection, zt.sample()); // (B, k)
        terms.add(
                LossTerms.INFONCE,
                InfoNce.symmetric(a, b, config.tau(), InfoNce.groupsOf(captions)),
                1f);
        boolean imagesSkl = config.alphaSkl() > 0 && config.sklMode() == ModelConfig.SklMode.IMAGES;
        if (config.alphaClub() > 0) {
            // max(0, ·): a negative estimate only says q_ψ lags behind the encoder; minimising it
            // would let the encoder exploit the stale estimator instead of removing information
            NDArray bound =
                    Activation.relu(club.upperBound(ps, enc.before(), enc.difference())) // ψ frozen
                            .add(
                                    Activation.relu(
                                            club.upperBound(ps, enc.after(), enc.difference())));
            terms.add(LossTerms.CLUB, bound, config.alphaClub());
        }
        if (config.alphaSkl() > 0) {
            NDArray skl =
                    imagesSkl
                            ? GaussianKl.symmetric(
                                    club.conditional(ps, enc.before(), true),
                                    club.conditional(ps, enc.after(), true))
                            : GaussianKl.symmetric(zp, zt);
            terms.add(LossTerms.SKL, skl, config.alphaSkl());
        }
        if (config.beta() > 0) {
            NDArray kl = GaussianKl.toStandardNormal(zp).add(GaussianKl.toStandardNormal(zt));
            terms.add(LossTerms.KL, kl, config.beta());
        }
        if (config.alphaClub() > 0 || imagesSkl) {
            NDArray fit =
                    club.learningLoss(ps, enc.before(), enc.difference()) // inputs detached
                            .add(club.learningLoss(ps, enc.after(), enc.difference()));
            terms.add(LossTerms.CLUB_ESTIMATOR, fit, 1f);
        }
    }

    /**
     * Describes the changes between image pairs.
     *
     * @param ps the parameter store
     * @param before (B, 3, H, H) in [0, 1]
     * @param after (B, 3, H, H) in [0, 1]
     * @return the change captions
     */
    @SuppressWarnings("try") // the scope is only opened to be closed
    public Captions caption(ParameterStore ps, NDArray before, NDArray after) {
        try (BatchScope scope = BatchScope.borrowing(before, after)) {
            NDArray memory = pair.forward(ps, before, after, false).memory(); // once per batch
            return generator.generate(ps, memory);
        }
    }

    @Override
    public LossTerms lossTerms(
            ParameterStore ps, NDList images, int[][] captions, boolean training) {
        CaptioningModel.checkBatch(this, images, captions);
        return lossTerms(ps, images.get(0), images.get(1), captions, training);
    }

    @Override
    public Captions caption(ParameterStore ps, NDList images) {
        CaptioningModel.checkBatch(this, images, null);
        return caption(ps, images.get(0), images.get(1));
    }

    /** The pair encoder (its vision encoder counts encoder passes). */
    public PairEncoder pairEncoder() {
        return pair;
    }

    /** The CLUB estimator q_ψ. */
    public Club club() {
        return club;
    }

    /** The caption generator. */
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
        return 2;
    }

    @Override
    public ParameterList estimatorParameters() {
        return club.getParameters();
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
        Shape pooled = new Shape(b, config.modelDim());
        pair.initialize(manager, dataType, shapes[0], shapes[shapes.length - 1]);
        pairBottleneck.initialize(manager, dataType, pooled);
        text.initialize(manager, dataType, new Shape(b, config.maxLength()));
        textBottleneck.initialize(manager, dataType, pooled);
        pairProjection.initialize(manager, dataType, pooled);
        textProjection.initialize(manager, dataType, pooled);
        club.initialize(manager, dataType, pooled, pooled);
        generator.initialize(
                manager, dataType, new Shape(b, 4L * config.visualTokens(), config.modelDim()));
    }
}
