package io.capstream.bench;

import io.capstream.bench.SpeedCell.Decoding;
import io.capstream.model.Captions;
import io.capstream.model.ModelConfig;
import io.capstream.util.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Times diffusion captioning against the autoregressive baseline of the same width and depth (same
 * config, {@code generator = autoregressive}; greedy and beam search), at several batch sizes, and
 * diffusion against its number of sampling steps, in one process with one thread setting. Every
 * model variant is built, timed and closed in turn; each batch goes through {@link
 * io.capstream.model.CaptioningModel#caption} in its own sub-manager.
 *
 * <p>Autoregressive decoding stops early only once every row of the batch emitted EOS, so its cost
 * depends on the weights: untrained weights rarely emit EOS and run all L steps. The cells report
 * the mean caption length and the decoder calls per batch so that this is visible.
 */
public final class SpeedBench {
    private final ModelConfig config;
    private final int vocabularySize;
    private final WeightSource diffusionWeights;
    private final WeightSource autoregressiveWeights;
    private final List<Integer> batchSizes;
    private final List<Integer> stepsList;
    private final int stepsBatch;
    private final CellBudget budget;

    private SpeedBench(Builder b) {
        config = b.config;
        vocabularySize = b.vocabularySize;
        diffusionWeights = b.diffusionWeights;
        autoregressiveWeights = b.autoregressiveWeights;
        batchSizes = List.copyOf(b.batchSizes);
        stepsList = List.copyOf(b.stepsList);
        stepsBatch = b.stepsBatch;
        budget = b.budget;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The diffusion config of the benchmarked model. */
    public ModelConfig diffusionConfig() {
        return config.withOverrides(Map.of("generator", "diffusion"));
    }

    /** The autoregressive baseline's config: the same model with the other generator. */
    public ModelConfig autoregressiveConfig() {
        return config.withOverrides(Map.of("generator", "autoregressive"));
    }

    /** Number of cells {@link #run} measures. */
    public int cellCount() {
        int perBatch = config.beamWidth() > 1 ? 3 : 2;
        int steps = 0;
        for (int s : stepsList) {
            steps += reused(s) ? 0 : 1;
        }
        return perBatch * batchSizes.size() + steps;
    }

    /** Whether the steps sweep takes cell (stepsBatch, s) from the batch-size sweep. */
    private boolean reused(int steps) {
        return steps == config.sampleSteps() && batchSizes.contains(stepsBatch);
    }

    /**
     * Runs every cell.
     *
     * @param label names the run in the progress line
     * @return the measurements
     */
    public SpeedResult run(String label) {
        FlopCounter flops = new FlopCounter(config, vocabularySize);
        List<SpeedCell> cells = new ArrayList<>();
        List<SpeedCell> stepCells = new ArrayList<>();
        try (Progress progress = new Progress("bench speed " + label, cellCount())) {
            ModelConfig diffusion = diffusionConfig();
            List<SpeedCell> own =
                    timeAll(
                            diffusion,
                            diffusionWeights,
                            Decoding.DIFFUSION,
                            batchSizes,
                            flops,
                            progress);
            cells.addAll(own);
            ModelConfig ar = autoregressiveConfig();
            ModelConfig greedy = ar.withOverrides(Map.of("beamWidth", 1));
            cells.addAll(
                    timeAll(
                            greedy,
                            autoregressiveWeights,
                            Decoding.GREEDY,
                            batchSizes,
                            flops,
                            progress));
            if (ar.beamWidth() > 1) {
                cells.addAll(
                        timeAll(
                                ar,
                                autoregressiveWeights,
                                Decoding.BEAM,
                                batchSizes,
                                flops,
                                progress));
            }
            for (int s : stepsList) {
                if (reused(s)) {
                    stepCells.add(own.get(batchSizes.indexOf(stepsBatch)));
                    continue;
                }
                ModelConfig c = diffusion.withOverrides(Map.of("sampleSteps", s));
                stepCells.addAll(
                        timeAll(
                                c,
                                diffusionWeights,
                                Decoding.DIFFUSION,
                                List.of(stepsBatch),
                                flops,
                                progress));
            }
        }
        return new SpeedResult(
                config,
                vocabularySize,
                diffusionWeights.describe(),
                autoregressiveWeights.describe(),
                cells,
                stepCells);
    }

    private List<SpeedCell> timeAll(
            ModelConfig c,
            WeightSource weights,
            Decoding decoding,
            List<Integer> batches,
            FlopCounter flops,
            Progress progress) {
        List<SpeedCell> out = new ArrayList<>();
        try (BenchModel model = new BenchModel(c, vocabularySize, weights)) {
            for (int b : batches) {
                progress.status(describe(decoding, c, b));
                out.add(time(model, decoding, b, flops));
                progress.step();
            }
        }
        return out;
    }

    private static String describe(Decoding decoding, ModelConfig c, int batch) {
        String how =
                decoding == Decoding.DIFFUSION
                        ? "S=" + c.sampleSteps()
                        : decoding == Decoding.BEAM ? "k=" + c.beamWidth() : "";
        return decoding.label() + " " + how + " B=" + batch;
    }

    private SpeedCell time(BenchModel model, Decoding decoding, int batch, FlopCounter flops) {
        ModelConfig c = model.config();
        float[][] pixels = model.inputs(batch, batch);
        List<Captions> outputs = new ArrayList<>();
        Timings t = budget.time(() -> model.caption(pixels, batch), outputs);
        double words = 0;
        double calls = 0;
        for (Captions out : outputs) {
            int longest = 0;
            for (int[] row : out.tokens()) {
                words += row.length;
                longest = Math.max(longest, row.length);
            }
            calls += Math.min(c.maxLength(), longest + 1);
        }
        words /= (double) outputs.size() * batch;
        calls /= outputs.size();
        if (decoding == Decoding.DIFFUSION) {
            int steps = c.sampleSteps();
            return new SpeedCell(
                    decoding,
                    batch,
                    steps,
                    t,
                    words,
                    (double) c.stages() * steps,
                    flops.diffusionPerCaption(steps));
        }
        int width = c.beamWidth();
        return new SpeedCell(
                decoding, batch, 0, t, words, calls, flops.autoregressivePerCaption(width, calls));
    }

    /** DJL-style builder: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private ModelConfig config;
        private int vocabularySize;
        private WeightSource diffusionWeights = WeightSource.fresh();
        private WeightSource autoregressiveWeights = WeightSource.fresh();
        private List<Integer> batchSizes = List.of(1, 8, 32, 64);
        private List<Integer> stepsList = List.of(1, 2, 5, 10, 20);
        private int stepsBatch = 32;
        private CellBudget budget = new CellBudget(1, 3, 200, 2.0);

        private Builder() {}

        /** The model config (either generator; both are benchmarked). */
        public Builder setConfig(ModelConfig config) {
            this.config = config;
            return this;
        }

        /** V. */
        public Builder setVocabularySize(int vocabularySize) {
            this.vocabularySize = vocabularySize;
            return this;
        }

        /** Weights of the diffusion model; default fresh. */
        public Builder optDiffusionWeights(WeightSource weights) {
            this.diffusionWeights = weights;
            return this;
        }

        /** Weights of the autoregressive baseline; default fresh. */
        public Builder optAutoregressiveWeights(WeightSource weights) {
            this.autoregressiveWeights = weights;
            return this;
        }

        /** Batch sizes of the diffusion-vs-autoregressive sweep; default 1, 8, 32, 64. */
        public Builder optBatchSizes(List<Integer> batchSizes) {
            this.batchSizes = batchSizes;
            return this;
        }

        /** Sampling steps of the diffusion sweep; default 1, 2, 5, 10, 20. */
        public Builder optStepsList(List<Integer> stepsList) {
            this.stepsList = stepsList;
            return this;
        }

        /** Batch size of the sampling-steps sweep; default 32. */
        public Builder optStepsBatch(int stepsBatch) {
            this.stepsBatch = stepsBatch;
            return this;
        }

        /** Repetitions and time cap per cell; default 1 warm-up, 3..200 runs, 2 s. */
        public Builder optBudget(CellBudget budget) {
            this.budget = budget;
            return this;
        }

        /** Validates and builds. */
        public SpeedBench build() {
            if (config == null) {
                throw new IllegalArgumentException("config is required");
            }
            if (vocabularySize < 2) {
                throw new IllegalArgumentException(
                        "vocabulary size " + vocabularySize + " must be ≥ 2 (EOS, UNK)");
            }
            if (diffusionWeights == null || autoregressiveWeights == null || budget == null) {
                throw new IllegalArgumentException("weights and budget must not be null");
            }
            checkPositive("batch size", batchSizes);
            checkPositive("sampling steps", stepsList);
            if (stepsBatch < 1) {
                throw new IllegalArgumentException("steps batch " + stepsBatch + " must be ≥ 1");
            }
            return new SpeedBench(this);
        }

        private static void checkPositive(String what, List<Integer> values) {
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("no " + what + " given");
            }
            for (int v : values) {
                if (v < 1) {
                    throw new IllegalArgumentException(what + " " + v + " must be ≥ 1");
                }
            }
        }
    }
}
