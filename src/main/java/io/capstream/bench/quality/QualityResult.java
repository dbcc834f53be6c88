package io.capstream.bench.quality;

import java.util.List;

/**
 * What the quality benchmark measured on one dataset.
 *
 * @param model decider or iba-cd
 * @param dataset the dataset directory
 * @param testSamples test-split samples captioned per variant
 * @param steps training steps per variant
 * @param variants one entry per trained variant, in table order
 * @param samplingSweep the diffusion variant at each sampling-step count (empty if not trained)
 */
public record QualityResult(
        String model,
        String dataset,
        int testSamples,
        int steps,
        List<VariantQuality> variants,
        List<StepsQuality> samplingSweep) {
    public QualityResult {
        variants = List.copyOf(variants);
        samplingSweep = List.copyOf(samplingSweep);
    }

    /**
     * One trained variant.
     *
     * @param variant its definition
     * @param checkpoint the checkpoint directory
     * @param trainSeconds training wall-clock time (NaN when an earlier run's checkpoint was
     *     reused)
     * @param quality its test-split scores at the config's sampling steps
     */
    public record VariantQuality(
            QualityVariant variant,
            String checkpoint,
            double trainSeconds,
            CaptionQuality quality) {}

    /**
     * The diffusion variant at one sampling-step count.
     *
     * @param steps DDIM steps per stage
     * @param quality its test-split scores
     */
    public record StepsQuality(int steps, CaptionQuality quality) {}
}
