package io.capstream.model.diffusion;

import io.capstream.model.ModelConfig;

/**
 * The continuous-time noise schedule ᾱ(t), t ∈ [0, 1], of the forward process {@code x_t = √ᾱ(t)·x0
 * + √(1 − ᾱ(t))·ε} (IBA-CD eq. 23 with γ(t) = ᾱ(t)).
 *
 * <ul>
 *   <li>sqrt (default, Diffusion-LM): ᾱ(t) = 1 − √(t + 1e-4);
 *   <li>cosine: ᾱ(t) = cos²((t + s)/(1 + s)·π/2) / cos²(s/(1 + s)·π/2), s = 0.008;
 * </ul>
 *
 * clamped to [1e-4, 1]. IBA-CD's noise enhancement (eq. 20, covariance P_t·β_t) is folded into the
 * schedule (research/model.md §6.1): on a grid of T = 1000 steps, β_i = 1 − ᾱ(t_i)/ᾱ(t_{i−1}), β̃_i
 * = min(P(t_i)·β_i, 0.999) with P(t) = 1 + (P − 1)(1 − t), and ᾱ_P(t_i) = ᾱ(t_0)·Π_{k≤i}(1 − β̃_k),
 * linearly interpolated between grid points. P = 1 gives back ᾱ exactly; P > 1 adds more noise,
 * most of it early in the chain.
 */
public final class NoiseSchedule {
    private static final int GRID = 1000;
    private static final float MIN_ALPHA_BAR = 1e-4f;

    private final ModelConfig.Schedule kind;
    private final float enhancement;
    private final float[] table;

    /**
     * @param kind sqrt or cosine
     * @param enhancement P ≥ 1 (1 = standard forward process)
     */
    public NoiseSchedule(ModelConfig.Schedule kind, float enhancement) {
        this.kind = kind;
        this.enhancement = enhancement;
        this.table = enhancement == 1f ? null : enhancedTable();
    }

    /** The schedule of a config (schedule and noiseEnhancement). */
    public static NoiseSchedule of(ModelConfig config) {
        return new NoiseSchedule(config.schedule(), config.noiseEnhancement());
    }

    /**
     * @param t time in [0, 1]
     * @return ᾱ(t) in [1e-4, 1]
     */
    public float alphaBar(float t) {
        float tc = Math.max(0f, Math.min(1f, t));
        if (table == null) {
            return base(tc);
        }
        float x = tc * GRID;
        int i = Math.min((int) x, GRID - 1);
        float w = x - i;
        return table[i] * (1 - w) + table[i + 1] * w;
    }

    /** The schedule without enhancement. */
    private float base(float t) {
        double a;
        if (kind == ModelConfig.Schedule.SQRT) {
            a = 1.0 - Math.sqrt(t + 1e-4);
        } else {
            double s = 0.008;
            double f = Math.cos((t + s) / (1 + s) * Math.PI / 2);
            double f0 = Math.cos(s / (1 + s) * Math.PI / 2);
            a = (f * f) / (f0 * f0);
        }
        return (float) Math.max(MIN_ALPHA_BAR, Math.min(1.0, a));
    }

    private float[] enhancedTable() {
        float[] out = new float[GRID + 1];
        double alphaBar = base(0f);
        out[0] = (float) alphaBar;
        for (int i = 1; i <= GRID; i++) {
            float t = (float) i / GRID;
            double beta = 1.0 - base(t) / base((float) (i - 1) / GRID);
            double p = 1.0 + (enhancement - 1.0) * (1.0 - t);
            alphaBar *= 1.0 - Math.min(p * beta, 0.999);
            out[i] = (float) Math.max(MIN_ALPHA_BAR, alphaBar);
        }
        return out;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " schedule, P = " + enhancement;
    }
}
