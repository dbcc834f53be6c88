package io.capstream.model.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.capstream.model.nn.BatchScope;
import io.capstream.model.nn.Tensors;

/**
 * Deterministic DDIM (Song et al. 2021, η = 0) in the x0 parameterisation, with self-conditioning
 * (Chen et al., Analog Bits), for one diffusion stage:
 *
 * <pre>
 *   x ~ N(0, I) (B, L, e);  x̂0_sc = 0
 *   for i = 0 … S−1:   t = 1 − i/S,  t' = 1 − (i+1)/S
 *       logits = f(x, x̂0_sc, c, t | M);   x̂0 = softmax(logits)·E;   x̂0_sc = x̂0
 *       ε̂ = (x − √ᾱ(t)·x̂0) / √(1 − ᾱ(t))
 *       x  = √ᾱ(t')·x̂0 + √(1 − ᾱ(t'))·ε̂
 *   return the last logits
 * </pre>
 *
 * The memory M is an input: it is computed once per batch by the caller, never in the loop. Each
 * step runs in its own nested scope, so only x, x̂0 and the logits of the latest step stay alive.
 */
public final class DdimSampler {
    private final NoiseSchedule schedule;
    private final int steps;

    /**
     * @param schedule ᾱ(t)
     * @param steps S ≥ 1
     */
    public DdimSampler(NoiseSchedule schedule, int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("sampling steps (" + steps + ") must be ≥ 1");
        }
        this.schedule = schedule;
        this.steps = steps;
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
        NDArray x = outer.randomNormal(cascade.getShape()); // (B, L, e)
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
}
