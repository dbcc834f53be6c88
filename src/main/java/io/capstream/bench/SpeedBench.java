package io.capstream.bench;

import io.capstream.bench.SpeedCell.Decoding;
import io.capstream.model.Captions;
import io.capstream.model.ModelConfig;
import io.capstream.util.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
    private static final String FRESH = "fresh seeded weights (untrained)";
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
        return perBatch * batchSizes.size() + stepsList.size() + 1;
    }

    /** A model and how its cells are labelled. */
    private record Variant(BenchModel model, Decoding decoding) {}

    /**
     * Runs every cell: at each batch size diffusion, AR greedy and AR beam round-robin; then the
     * sampling-steps sweep round-robin with AR greedy at the same batch size as its reference.
     *
     * @param label names the run in the progress line
     * @return the measurements
     */
    public SpeedResult run(String label) {
        FlopCounter flops = new FlopCounter(config, vocabularySize);
        List<SpeedCell> cells = new ArrayList<>();
        List<SpeedCell> sweep;
        ModelConfig ar = autoregressiveConfig();
        try (Progress progress = new Progress("bench speed " + label, cellCount());
                BenchModel diffusion =
                        new BenchModel(diffusionConfig(), vocabularySize, diffusionWeights);
                BenchModel greedy =
                        new BenchModel(
                                ar.withOverrides(Map.of("beamWidth", 1)),
                                vocabularySize,
                                autoregressiveWeights);
                BenchModel beam =
                        ar.beamWidth() > 1
                                ? new BenchModel(ar, vocabularySize, autoregressiveWeights)
                                : null) {
            List<Variant> sideBySide = new ArrayList<>();
            sideBySide.add(new Variant(diffusion, Decoding.DIFFUSION));
            sideBySide.add(new Variant(greedy, Decoding.GREEDY));
            if (beam != null) {
                sideBySide.add(new Variant(beam, Decoding.BEAM));
            }
            for (int b : batchSizes) {
                cells.addAll(timeGroup(sideBySide, b, flops, progress));
            }
            sweep = timeSteps(diffusion, greedy, flops, progress);
        }
        return new SpeedResult(
                config,
                vocabularySize,
                diffusionWeights.describe(),
                autoregressiveWeights.describe(),
                cells,
                sweep.subList(0, sweep.size() - 1),
                sweep.get(sweep.size() - 1));
    }

    /** The steps sweep plus AR greedy (last), at {@code stepsBatch}. */
    private List<SpeedCell> timeSteps(
            BenchModel diffusion, BenchModel greedy, FlopCounter flops, Progress progress) {
        List<BenchModel> built = new ArrayList<>();
        try {
            List<Variant> group = new ArrayList<>();
            for (int s : stepsList) {
                BenchModel m = diffusion;
                if (s != diffusion.config().sampleSteps()) {
                    ModelConfig c = diffusion.config().withOverrides(Map.of("sampleSteps", s));
                    m = new BenchModel(c, vocabularySize, diffusionWeights);
                    built.add(m);
                }
                group.add(new Variant(m, Decoding.DIFFUSION));
            }
            group.add(new Variant(greedy, Decoding.GREEDY));
            return timeGroup(group, stepsBatch, flops, progress);
        } finally {
            built.forEach(BenchModel::close);
        }
    }

    private List<SpeedCell> timeGroup(
            List<Variant> group, int batch, FlopCounter flops, Progress progress) {
        List<Supplier<Captions>> runs = new ArrayList<>();
        StringBuilder names = new StringBuilder();
        for (Variant v : group) {
            float[][] pixels = v.model().inputs(batch, batch);
            runs.add(() -> v.model().caption(pixels, batch));
            names.append(names.length() == 0 ? "" : ", ").append(describe(v));
        }
        progress.status("B=" + batch + ": " + names);
        List<List<Captions>> outputs = new ArrayList<>();
        List<Timings> times = budget.timeInterleaved(runs, outputs);
        List<SpeedCell> out = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            out.add(cell(group.get(i), batch, times.get(i), outputs.get(i), flops));
        }
        progress.advance(group.size());
        return out;
    }

    private static String describe(Variant v) {
        ModelConfig c = v.model().config();
        switch (v.decoding()) {
            case DIFFUSION:
                return "diffusion S=" + c.sampleSteps();
            case BEAM:
                return "AR beam k=" + c.beamWidth();
            default:
                return "AR greedy";
        }
    }

    private static SpeedCell cell(
            Variant v, int batch, Timings t, List<Captions> outputs, FlopCounter flops) {
        ModelConfig c = v.model().config();
        double words = 0;
        double calls = 0;
        for (Captions out : outputs) {
            int longest = 0;
            for (int[] row : out.tokens()) {
                words += row.length;
                longest = Math.max(longest, row.length);
            }
            calls += Math.min(c.maxLength(), longest + 1); // greedy: the longest row ends last
        }
        words /= (double) outputs.size() * batch;
        calls /= outputs.size();
        if (v.decoding() == Decoding.DIFFUSION) {
            int steps = c.sampleSteps();
            return new SpeedCell(
                    v.decoding(),
                    batch,
                    steps,
                    t,
                    words,
                    (double) c.stages() * steps,
                    flops.diffusionPerCaption(steps));
        }
        return new SpeedCell(
                v.decoding(),
                batch,
                0,
                t,
                words,
                calls,
                flops.autoregressivePerCaption(c.beamWidth(), calls));
    }

    /** DJL-style builder: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private ModelConfig config;
        private int vocabularySize;
        private WeightSource diffusionWeights = WeightSource.fresh(FRESH);
        private WeightSource autoregressiveWeights = WeightSource.fresh(FRESH);
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
