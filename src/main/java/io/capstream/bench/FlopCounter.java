package io.capstream.bench;

import io.capstream.model.ModelConfig;

/**
 * Floating-point operations per caption, counted analytically from a {@link ModelConfig} the way
 * the model code executes them (1 multiply-add = 2 FLOPs).
 *
 * <p>Counted: every matrix product, 2·m·n·k — each {@code Linear} (2·tokens·in·out), each
 * convolution of the image stem (2·C_out·C_in·k²·H_out·W_out), the four projections of every DJL
 * attention block (queries, keys, values, result; keys and values are recomputed from the memory on
 * every call, as the code does), the attention scores Q·Kᵀ and the weighted values P·V (2·T·S·d
 * each), and the diffusion sampler's x̂0 = softmax(logits)·E (2·L·V·e). Not counted: element-wise
 * work (LayerNorm, softmax, GELU, residual adds, the DDIM update), embedding lookups and the Java
 * side of beam search; at the preset sizes these are a few percent of the total, so achieved
 * GFLOP/s slightly understates the real arithmetic rate.
 *
 * <p>Per caption, with N visual tokens per image, memory S (N for IBA-CD, 4N for DECIDER), L, d,
 * FFN f, V and e as in the config:
 *
 * <pre>
 *   encoder     = stem + 2·N·d² + visionLayers·layer(N, 0)            per image (×2 for DECIDER)
 *               + IBA-CD: 2·(2·N·d²) (μ and log σ² of the VIB head)
 *               + DECIDER: 2·attention(N, N) + pairLayers·layer(4N, 0)
 *   layer(T, S) = attention(T, T) + [S &gt; 0] attention(T, S) + 4·T·d·f
 *   attention(T, S) = 2·d²·(2T + 2S) + 4·T·S·d
 *   denoiser    = 2·L·3e·d + 4·d² + denoiserLayers·layer(L, S) + 2·L·d·V + 2·L·V·e
 *   diffusion   = encoder + stages·steps·denoiser
 *   AR step     = denoiserLayers·layer(L, S) + 2·L·d·V                  one row, all L positions
 *   AR          = encoder + width·decodeSteps·(AR step)
 * </pre>
 *
 * The autoregressive decoder re-runs the whole fixed-length input (L positions, causal mask) at
 * every step, so that is what {@link #autoregressivePerCaption} counts, with all {@code width} beam
 * rows (beam search feeds B·k rows from the first step). {@link #autoregressivePrefixPerCaption}
 * counts what a decoder that feeds only the causal prefix (t + 1 positions at step t, no key/value
 * cache) would do, for comparison.
 */
public final class FlopCounter {
    private final ModelConfig config;
    private final long vocabularySize;

    /**
     * @param config the model config
     * @param vocabularySize V
     */
    public FlopCounter(ModelConfig config, int vocabularySize) {
        if (vocabularySize < 1) {
            throw new IllegalArgumentException("vocabulary size " + vocabularySize + " < 1");
        }
        this.config = config;
        this.vocabularySize = vocabularySize;
    }

    /** 2·tokens·in·out: a {@code Linear} applied to {@code tokens} vectors. */
    public static long linear(long tokens, long in, long out) {
        return 2 * tokens * in * out;
    }

    /**
     * One DJL attention block: projections of T queries and S keys and values, the result
     * projection, then Q·Kᵀ and P·V.
     *
     * @param queries T
     * @param keys S (= T for self-attention)
     * @param dim d
     * @return FLOPs
     */
    public static long attention(long queries, long keys, long dim) {
        long projections = linear(queries, dim, dim) * 2 + linear(keys, dim, dim) * 2;
        return projections + 2 * (2 * queries * keys * dim);
    }

    /**
     * One pre-LN Transformer layer.
     *
     * @param tokens T
     * @param memory S for a cross-attending layer, 0 for self-attention only
     * @return FLOPs
     */
    public long layer(long tokens, long memory) {
        long d = config.modelDim();
        long f = config.feedForwardDim();
        long cross = memory > 0 ? attention(tokens, memory, d) : 0;
        return attention(tokens, tokens, d) + cross + linear(tokens, d, f) + linear(tokens, f, d);
    }

    /** The image stem of one image: strided 3×3 convolutions or one patch convolution. */
    public long stem() {
        long d = config.modelDim();
        int ratio = config.imageSize() / config.gridSize();
        long g = config.gridSize();
        if (config.visionStem() == ModelConfig.VisionStem.PATCH) {
            return 2 * d * 3 * ratio * ratio * g * g;
        }
        int convs = Integer.numberOfTrailingZeros(ratio);
        long flops = 0;
        long in = 3;
        long side = config.imageSize();
        for (int i = 0; i < convs; i++) {
            long out = i == convs - 1 ? d : Math.min(d, 32L << i);
            side /= 2;
            flops += 2 * out * in * 9 * side * side;
            in = out;
        }
        return flops;
    }

    /** The vision encoder on one image: stem, input projection, self-attention layers. */
    public long visionEncoder() {
        long n = config.visualTokens();
        long d = config.modelDim();
        return stem() + linear(n, d, d) + config.visionLayers() * layer(n, 0);
    }

    /** S, the memory the generator cross-attends to: N (IBA-CD) or 4N (DECIDER). */
    public long memoryTokens() {
        long n = config.visualTokens();
        return config.task() == ModelConfig.Task.DECIDER ? 4 * n : n;
    }

    /** Everything before the generator, once per caption (both images for DECIDER). */
    public long encoder() {
        long n = config.visualTokens();
        long d = config.modelDim();
        if (config.task() == ModelConfig.Task.IBA_CD) {
            return visionEncoder() + 2 * linear(n, d, d); // + μ_v and log σ²_v
        }
        return 2 * visionEncoder()
                + 2 * attention(n, n, d) // common parts C_b, C_a
                + config.pairLayers() * layer(4 * n, 0);
    }

    /** One denoiser call plus x̂0 = softmax(logits)·E, for one caption. */
    public long denoiserStep() {
        long l = config.maxLength();
        long d = config.modelDim();
        long e = config.embedDim();
        return linear(l, 3 * e, d)
                + 2 * linear(1, d, d) // time embedding MLP
                + config.denoiserLayers() * layer(l, memoryTokens())
                + linear(l, d, vocabularySize)
                + linear(l, vocabularySize, e);
    }

    /**
     * FLOPs of one diffusion caption.
     *
     * @param steps DDIM steps per stage
     * @return encoder + stages × steps × denoiser step
     */
    public long diffusionPerCaption(int steps) {
        return encoder() + (long) config.stages() * steps * denoiserStep();
    }

    /** One autoregressive decoder call for one row, over all L input positions. */
    public long autoregressiveStep() {
        return autoregressiveStep(config.maxLength());
    }

    private long autoregressiveStep(long positions) {
        return config.denoiserLayers() * layer(positions, memoryTokens())
                + linear(positions, config.modelDim(), vocabularySize);
    }

    /**
     * FLOPs of one autoregressive caption as this decoder runs it.
     *
     * @param width beam width k (1 = greedy)
     * @param decodeSteps decoder calls made for the caption's batch (≤ L; may be a mean)
     * @return encoder + k × steps × step
     */
    public double autoregressivePerCaption(int width, double decodeSteps) {
        return encoder() + width * decodeSteps * autoregressiveStep();
    }

    /**
     * FLOPs of one autoregressive caption if step t fed only the causal prefix (t + 1 positions).
     *
     * @param width beam width k
     * @param decodeSteps decoder calls (≤ L)
     * @return encoder + k × Σ_{t &lt; steps} step(t + 1 positions)
     */
    public long autoregressivePrefixPerCaption(int width, int decodeSteps) {
        long sum = 0;
        for (int t = 0; t < decodeSteps; t++) {
            sum += autoregressiveStep(t + 1);
        }
        return encoder() + width * sum;
    }
}
