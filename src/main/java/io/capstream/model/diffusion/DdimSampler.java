package io.capstream.model.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.capstream.model.nn.BatchScope;
import io.capstream.model.nn.Tensors;
import java.util.Random;

/**
 * Deterministic DDIM (Song et al. 2021, η = 0) in the x0 parameterisation, with self-conditioning
 * (Chen et al., Analog Bits), for one diffusion stage:
 *
 * <pre>
 *   x = z (B, L, e), z ~ N(0, I) drawn once from the seed, the same for every row;  x̂0_sc = 0
 *   for i = 0 … S−1:   t = 1 − i/S,  t' = 1 − (i+1)/S
 *       logits = f(x, x̂0_sc, c, t | M);   x̂0 = softmax(logits)·E;   x̂0_sc = x̂0
 *       ε̂ = (x − √ᾱ(t)·x̂0) / √(1 − ᾱ(t))
 *       x  = √ᾱ(t')·x̂0 + √(1 − ᾱ(t'))·ε̂
 *   return the last logits
 * </pre>
 *
 * The memory M is an input: it is computed once per batch by the caller, never in the loop. Each
 * step runs in its own nested scope, so only x, x̂0 and the logits of the latest step stay alive.
 *
 * <p>With η = 0 the start noise z is the only randomness. It comes from a seeded {@link Random}
 * rather than the engine's generator, so a caption depends only on its own input: not on its
 * position in the batch, on the batch size, or on what ran before (a batch of N gives the same
 * captions as N single calls, and a restarted worker repeats its captions).
 */
public final class DdimSampler {
    private final NoiseSchedule schedule;
    private final int steps;
    private final long seed;

    /**
     * @param schedule ᾱ(t)
     * @param steps S ≥ 1
     * @param seed seed of the start noise z
     */
    public DdimSampler(NoiseSchedule schedule, int steps, long seed) {
        if (steps < 1) {
            throw new IllegalArgumentException("sampling steps (" + steps + ") must be ≥ 1");
        }
        this.schedule = schedule;
        this.steps = steps;
        this.seed = seed;
    }

    /** S. */
    public int steps() {
        return steps;
    }

    /**
     * Runs the reverse process of one stage.
     *
     * @param ps the parameter store
     * @param stage the denoiser
     * @param table the word embedding table E (V, e), only used as a right operand
     * @param memory M (B, N, d)
     * @param cascade previous stage's word embeddings or zeros (B, L, e)
     * @return the final logits (B, L, V), on the memory's manager
     */
    public NDArray sample(
            ParameterStore ps, Denoiser stage, NDArray table, NDArray memory, NDArray cascade) {
        NDManager outer = memory.getManager();
        long b = cascade.getShape().get(0);
        NDArray x = startNoise(outer, cascade.getShape()); // (B, L, e)
        NDArray selfCond = outer.zeros(cascade.getShape()); // (B, L, e)
        NDArray logits = null;
        for (int i = 0; i < steps; i++) {
            float t = 1f - (float) i / steps;
            float tNext = 1f - (float) (i + 1) / steps;
            float a = schedule.alphaBar(t);
            float aNext = schedule.alphaBar(tNext);
            NDArray xNext;
            NDArray x0Hat;
            NDArray stepLogits;
            try (BatchScope step = BatchScope.nested(outer, x, selfCond, memory, cascade)) {
                NDArray times = step.manager().full(new Shape(b), t); // (B)
                stepLogits = stage.forward(ps, x, selfCond, cascade, times, memory, false);
                x0Hat = stepLogits.softmax(2).matMul(table); // (B, L, e)
                NDArray signal = Tensors.scale(x0Hat, (float) Math.sqrt(a)); // (B, L, e)
                NDArray eps = Tensors.scale(x.sub(signal), (float) (1 / Math.sqrt(1 - a)));
                xNext = // (B, L, e)
                        Tensors.scale(x0Hat, (float) Math.sqrt(aNext))
                                .add(Tensors.scale(eps, (float) Math.sqrt(1 - aNext)));
                step.keep(xNext);
                step.keep(x0Hat);
                step.keep(stepLogits);
            }
            x.close();
            selfCond.close();
            if (logits != null) {
                logits.close();
            }
            x = xNext;
            selfCond = x0Hat;
            logits = stepLogits;
        }
        x.close();
        selfCond.close();
        return logits;
    }

    /** z (L, e) from the seed, repeated for each of the B rows: (B, L, e). */
    private NDArray startNoise(NDManager manager, Shape shape) {
        int b = (int) shape.get(0);
        int row = (int) (shape.size() / b);
        Random random = new Random(seed);
        float[] z = new float[row * b];
        for (int i = 0; i < row; i++) {
            z[i] = (float) random.nextGaussian();
        }
        for (int r = 1; r < b; r++) {
            System.arraycopy(z, 0, z, r * row, row);
        }
        return Tensors.floats(manager, z, shape);
    }
}
