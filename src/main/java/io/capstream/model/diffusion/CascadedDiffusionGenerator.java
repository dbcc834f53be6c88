package io.capstream.model.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.capstream.model.CaptionGenerator;
import io.capstream.model.Captions;
import io.capstream.model.LossTerms;
import io.capstream.model.ModelConfig;
import io.capstream.model.nn.Tensors;
import io.capstream.model.nn.TokenEmbedding;
import java.util.ArrayList;
import java.util.List;

/**
 * IBA-CD's cascaded diffusion generator (eq. 13, F = Π_n f_n): N continuous-embedding diffusion
 * stages over a shared word embedding E (V, e); stage k is conditioned on the visual memory and on
 * the embeddings of stage k−1's output words (SCD-Net's cascade, research/model.md §6.2). N = 1 is
 * DECIDER's single-stage generator.
 *
 * <p>Training, per stage (t ~ U(0, 1), ε ~ N(0, I), x0 = E[y]):
 *
 * <pre>
 *   x_t    = √ᾱ(t)·x0 + √(1 − ᾱ(t))·ε                                    (B, L, e)
 *   x̂0_sc  = stopgrad(softmax(f(x_t, 0, c, t))·E)  with prob. p, else 0  (self-conditioning)
 *   logits = f(x_t, x̂0_sc, c, t | M);   x̂0 = softmax(logits)·E           (B, L, V), (B, L, e)
 *   L_REG  = mean (x̂0 − x0)²                                               IBA-CD eq. 23
 *   L_CE   = −mean log softmax(logits)[y]                                   IBA-CD eq. 22
 * </pre>
 *
 * Joint cascade training (model.md §5.2 b): stage k ≥ 2 gets c = E[corrupt(y)] (a fraction of words
 * replaced at random) with probability {@code cascadeCorruptProb}, else c = E[argmax of stage k−1's
 * logits], both cut after the first EOS and detached. Inference runs {@link DdimSampler} per stage;
 * the last stage's argmax is the caption.
 */
public final class CascadedDiffusionGenerator extends AbstractBlock implements CaptionGenerator {
    private final ModelConfig config;
    private final int vocabularySize;
    private final TokenEmbedding words;
    private final List<Denoiser> stages = new ArrayList<>();
    private final NoiseSchedule schedule;
    private final DdimSampler sampler;
    private final ContrastiveDiffusionLoss contrastive;

    /**
     * @param config the model config
     * @param vocabularySize V
     */
    public CascadedDiffusionGenerator(ModelConfig config, int vocabularySize) {
        this.config = config;
        this.vocabularySize = vocabularySize;
        words = addChildBlock("words", new TokenEmbedding(vocabularySize, config.embedDim(), 1f));
        for (int s = 0; s < config.stages(); s++) {
            stages.add(addChildBlock("stage" + s, new Denoiser(config, vocabularySize)));
        }
        schedule = NoiseSchedule.of(config);
        sampler = new DdimSampler(schedule, config.sampleSteps(), config.seed());
        contrastive = config.contrastive() ? new ContrastiveDiffusionLoss(config) : null;
    }

    /** The number of cascaded stages N. */
    public int stageCount() {
        return stages.size();
    }

    @Override
    public void addLosses(
            LossTerms terms,
            ParameterStore ps,
            NDArray memory,
            int[][] captions,
            boolean training) {
        NDManager m = memory.getManager();
        NDArray ids = Tensors.ints(m, captions); // (B, L)
        NDArray x0 = words.lookup(ps, ids, training); // (B, L, e)
        NDArray table = words.table(ps, memory.getDevice(), training); // (V, e)
        NDArray cascade = m.zeros(x0.getShape()); // (B, L, e): stage 1 has no previous words
        NDArray ce = null;
        NDArray reg = null;
        StageOutput out = null;
        for (int s = 0; s < stages.size(); s++) {
            out = trainStage(ps, stages.get(s), x0, ids, table, cascade, memory, training);
            ce = ce == null ? out.ce : ce.add(out.ce);
            reg = reg == null ? out.reg : reg.add(out.reg);
            if (s < stages.size() - 1) {
                cascade = cascadeInput(ps, captions, out.logits, m, training);
            }
        }
        if (config.ce()) {
            terms.add(LossTerms.CE, ce, config.lambdaCe());
        }
        if (config.reg()) {
            terms.add(LossTerms.REG, reg, config.gammaReg());
        }
        if (contrastive != null) {
            terms.add(
                    LossTerms.CD,
                    contrastive.loss(x0, out.x0Hat, table, ids, captions),
                    config.lambdaCd());
        }
    }

    private record StageOutput(NDArray logits, NDArray x0Hat, NDArray ce, NDArray reg) {}

    private StageOutput trainStage(
            ParameterStore ps,
            Denoiser stage,
            NDArray x0,
            NDArray ids,
            NDArray table,
            NDArray cascade,
            NDArray memory,
            boolean training) {
        NDManager m = memory.getManager();
        int b = (int) x0.getShape().get(0);
        float[] t = m.randomUniform(0f, 1f, new Shape(b)).toFloatArray();
        float[] signal = new float[b];
        float[] noise = new float[b];
        for (int i = 0; i < b; i++) {
            float a = schedule.alphaBar(t[i]);
            signal[i] = (float) Math.sqrt(a);
            noise[i] = (float) Math.sqrt(1 - a);
        }
        NDArray times = Tensors.floats(m, t); // (B)
        NDArray eps = m.randomNormal(x0.getShape()); // (B, L, e)
        NDArray xt = // √ᾱ·x0 + √(1 − ᾱ)·ε, (B, L, e)
                x0.mul(Tensors.floats(m, signal, new Shape(b, 1, 1)))
                        .add(eps.mul(Tensors.floats(m, noise, new Shape(b, 1, 1))));
        NDArray selfCond = m.zeros(x0.getShape()); // (B, L, e)
        if (training && coin(m) < config.selfCondProb()) {
            NDArray first = stage.forward(ps, xt, selfCond, cascade, times, memory, true);
            selfCond = first.softmax(2).matMul(table).stopGradient(); // (B, L, e)
        }
        NDArray logits = stage.forward(ps, xt, selfCond, cascade, times, memory, training);
        NDArray x0Hat = logits.softmax(2).matMul(table); // (B, L, e)
        NDArray reg = x0Hat.sub(x0).square().mean(); // ()
        NDArray ce =
                logits.logSoftmax(2)
                        .mul(ids.oneHot(vocabularySize))
                        .sum(new int[] {2})
                        .mean()
                        .neg(); // ()
        return new StageOutput(logits, x0Hat, ce, reg);
    }

    /** The detached word embeddings stage k+1 is conditioned on in training, (B, L, e). */
    private NDArray cascadeInput(
            ParameterStore ps, int[][] captions, NDArray logits, NDManager m, boolean training) {
        int[][] tokens;
        if (training && coin(m) < config.cascadeCorruptProb()) {
            tokens = corrupt(captions, m);
        } else {
            tokens =
                    Tensors.rows(
                            logits.argMax(2).toType(DataType.INT32, false).toIntArray(),
                            captions.length);
        }
        NDArray ids = Tensors.ints(m, cutAfterEos(tokens)); // (B, L)
        return words.lookup(ps, ids, training).stopGradient(); // (B, L, e)
    }

    /** Replaces each position with a uniformly random id with probability cascadeReplaceRatio. */
    private int[][] corrupt(int[][] captions, NDManager m) {
        int b = captions.length;
        int l = captions[0].length;
        float[] replace = m.randomUniform(0f, 1f, new Shape(b, l)).toFloatArray();
        float[] pick = m.randomUniform(0f, 1f, new Shape(b, l)).toFloatArray();
        int[][] out = new int[b][];
        for (int i = 0; i < b; i++) {
            out[i] = captions[i].clone();
            for (int j = 0; j < l; j++) {
                if (replace[i * l + j] < config.cascadeReplaceRatio()) {
                    out[i][j] =
                            Math.min(vocabularySize - 1, (int) (pick[i * l + j] * vocabularySize));
                }
            }
        }
        return out;
    }

    private static float coin(NDManager m) {
        return m.randomUniform(0f, 1f, new Shape(1)).getFloat(0);
    }

    @Override
    public Captions generate(ParameterStore ps, NDArray memory) {
        return generate(ps, memory, sampler);
    }

    /**
     * Generates with another number of DDIM steps per stage than the config's (the parameters do
     * not depend on it), e.g. to trade quality for speed.
     *
     * @param ps the parameter store
     * @param memory (B, N, d)
     * @param steps S ≥ 1
     * @return the captions
     */
    public Captions generate(ParameterStore ps, NDArray memory, int steps) {
        return generate(ps, memory, new DdimSampler(schedule, steps, config.seed()));
    }

    private Captions generate(ParameterStore ps, NDArray memory, DdimSampler sampler) {
        NDManager m = memory.getManager();
        int b = (int) memory.getShape().get(0);
        NDArray table = words.table(ps, memory.getDevice(), false); // (V, e)
        NDArray cascade = m.zeros(new Shape(b, config.maxLength(), config.embedDim()));
        NDArray logits = null;
        for (int s = 0; s < stages.size(); s++) {
            logits = sampler.sample(ps, stages.get(s), table, memory, cascade); // (B, L, V)
            if (s < stages.size() - 1) {
                int[][] tokens =
                        Tensors.rows(
                                logits.argMax(2).toType(DataType.INT32, false).toIntArray(), b);
                NDArray ids = Tensors.ints(m, cutAfterEos(tokens)); // (B, L)
                cascade = words.lookup(ps, ids, false); // (B, L, e)
            }
        }
        NDArray probs = logits.softmax(2); // (B, L, V)
        int[] ids = probs.argMax(2).toType(DataType.INT32, false).toIntArray(); // (B·L)
        float[] p = probs.max(new int[] {2}).toFloatArray(); // (B·L)
        return Captions.cutAtEos(Tensors.rows(ids, b), Tensors.rows(p, b));
    }

    /** Sets every position after the first EOS to EOS (SCD-Net masks them likewise). */
    static int[][] cutAfterEos(int[][] tokens) {
        int[][] out = new int[tokens.length][];
        for (int i = 0; i < tokens.length; i++) {
            out[i] = tokens[i].clone();
            boolean ended = false;
            for (int j = 0; j < out[i].length; j++) {
                ended |= out[i][j] == 0;
                if (ended) {
                    out[i][j] = 0;
                }
            }
        }
        return out;
    }

    /** Input: memory (B, N, d). Output: the last stage's logits for captions sampled by DDIM. */
    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("use addLosses(...) or generate(...)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.maxLength(), vocabularySize)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        long b = shapes[0].get(0);
        Shape x = new Shape(b, config.maxLength(), config.embedDim());
        words.initialize(manager, dataType, new Shape(b, config.maxLength()));
        for (Denoiser stage : stages) {
            stage.initialize(manager, dataType, x, x, x, new Shape(b), shapes[0]);
        }
    }
}
