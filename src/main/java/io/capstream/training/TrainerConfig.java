package io.capstream.training;

import io.capstream.model.ModelConfig;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.util.UserInputException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a {@link Trainer} needs besides the data; built DJL-style ({@code setX} required,
 * {@code optX} optional, validated in {@link Builder#build()} naming the bad value).
 *
 * @param modelConfig the model to train (ignored when resuming or fine-tuning: the checkpoint's
 *     config is used)
 * @param steps total optimizer steps; a resumed run continues up to this count
 * @param batchSize samples per step
 * @param learningRate peak learning rate of AdamW
 * @param warmUpSteps linear warm-up from 0 to the peak
 * @param decay learning-rate decay after warm-up
 * @param finalLearningRateFraction the learning rate at the last step, as a fraction of the peak
 * @param weightDecay decoupled weight decay (AdamW), applied to matrices only
 * @param clipNorm global gradient-norm clip (0 = off)
 * @param emaDecay decay of the weight average used for validation and saved (0 = no average)
 * @param estimatorLearningRate learning rate of the CLUB estimator q_ψ's own AdamW
 * @param seed seed of initialisation, batch order, caption choice and the per-step noise
 * @param validateEvery validate every K steps (0 = only at the end)
 * @param maxValidationSamples cap on the validation samples scored (0 = all)
 * @param captionChoice which reference a sample is trained on at each step
 * @param vocabularyMinCount words seen fewer times in the training captions map to UNK
 * @param device auto, cpu or gpu
 * @param saveTrainingState also save raw weights, EMA and optimizer moments (for resume)
 * @param resume a checkpoint written with training state to continue from
 * @param fineTune a checkpoint whose served weights and vocabulary a fresh run starts from (its
 *     model config is used; words outside its vocabulary map to UNK)
 * @param extraMetrics further entries for the checkpoint's metrics (JSON-serialisable values)
 * @param command the command line recorded in the checkpoint metrics
 * @param progress show a progress bar on stderr
 */
public record TrainerConfig(
        ModelConfig modelConfig,
        int steps,
        int batchSize,
        float learningRate,
        int warmUpSteps,
        Decay decay,
        float finalLearningRateFraction,
        float weightDecay,
        float clipNorm,
        float emaDecay,
        float estimatorLearningRate,
        long seed,
        int validateEvery,
        int maxValidationSamples,
        CaptionChoice captionChoice,
        int vocabularyMinCount,
        String device,
        boolean saveTrainingState,
        Optional<ModelCheckpoint> resume,
        Optional<ModelCheckpoint> fineTune,
        Map<String, Object> extraMetrics,
        String command,
        boolean progress) {

    /** Learning-rate decay after warm-up. */
    public enum Decay {
        /** Half a cosine from the peak to the final value. */
        COSINE,
        /** A straight line from the peak to the final value. */
        LINEAR,
        /** The peak until the end. */
        CONSTANT;

        /** Parses cosine, linear or constant. */
        public static Decay parse(String s) {
            try {
                return valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(
                        "learning-rate decay '" + s + "' is not one of cosine, linear, constant");
            }
        }
    }

    /** The config a run trains: the checkpoint's when resuming or fine-tuning. */
    public ModelConfig effectiveModelConfig() {
        return resume.or(() -> fineTune).map(ModelCheckpoint::config).orElse(modelConfig);
    }

    /** A new builder with the defaults of the cpu-small recipe. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TrainerConfig}. */
    public static final class Builder {
        private ModelConfig modelConfig;
        private int steps = 3000;
        private int batchSize = 32;
        private float learningRate = 1e-3f;
        private int warmUpSteps = 100;
        private Decay decay = Decay.COSINE;
        private float finalFraction = 0.1f;
        private float weightDecay = 0.01f;
        private float clipNorm = 1f;
        private float emaDecay = 0.999f;
        private float estimatorLearningRate = 1e-3f;
        private Long seed;
        private int validateEvery = 500;
        private int maxValidationSamples = 500;
        private CaptionChoice captionChoice = CaptionChoice.RANDOM;
        private int vocabularyMinCount = 1;
        private String device = "auto";
        private boolean saveTrainingState = true;
        private ModelCheckpoint resume;
        private ModelCheckpoint fineTune;
        private Map<String, Object> extraMetrics = Map.of();
        private String command = "";
        private boolean progress = true;

        private Builder() {}

        /** The model to train (required unless {@link #optResume} is set). */
        public Builder setModelConfig(ModelConfig config) {
            this.modelConfig = config;
            return this;
        }

        /** Total optimizer steps (default 3000). */
        public Builder optSteps(int steps) {
            this.steps = steps;
            return this;
        }

        /** Samples per step (default 32). */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Peak learning rate (default 1e-3). */
        public Builder optLearningRate(float lr) {
            this.learningRate = lr;
            return this;
        }

        /** Linear warm-up steps (default 100). */
        public Builder optWarmUpSteps(int steps) {
            this.warmUpSteps = steps;
            return this;
        }

        /** Decay after warm-up (default cosine) and its final fraction of the peak (0.1). */
        public Builder optDecay(Decay decay, float finalFraction) {
            this.decay = decay;
            this.finalFraction = finalFraction;
            return this;
        }

        /** Decoupled weight decay (default 0.01). */
        public Builder optWeightDecay(float wd) {
            this.weightDecay = wd;
            return this;
        }

        /** Global gradient-norm clip (default 1; 0 = off). */
        public Builder optClipNorm(float clipNorm) {
            this.clipNorm = clipNorm;
            return this;
        }

        /** Weight-average decay (default 0.999; 0 = use the raw weights). */
        public Builder optEmaDecay(float decay) {
            this.emaDecay = decay;
            return this;
        }

        /** Learning rate of the CLUB estimator (default 1e-3). */
        public Builder optEstimatorLearningRate(float lr) {
            this.estimatorLearningRate = lr;
            return this;
        }

        /** Seed (default: the model config's seed). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Validate every K steps (default 500; 0 = only at the end). */
        public Builder optValidateEvery(int k) {
            this.validateEvery = k;
            return this;
        }

        /** Score at most this many validation samples (default 500; 0 = all). */
        public Builder optMaxValidationSamples(int n) {
            this.maxValidationSamples = n;
            return this;
        }

        /** Which reference each sample is trained on (default random). */
        public Builder optCaptionChoice(CaptionChoice choice) {
            this.captionChoice = choice;
            return this;
        }

        /** Minimum word count for the vocabulary (default 1). */
        public Builder optVocabularyMinCount(int n) {
            this.vocabularyMinCount = n;
            return this;
        }

        /** auto (default), cpu or gpu. */
        public Builder optDevice(String device) {
            this.device = device;
            return this;
        }

        /** Save raw weights, EMA and optimizer moments for resume (default true). */
        public Builder optSaveTrainingState(boolean save) {
            this.saveTrainingState = save;
            return this;
        }

        /** Continue from a checkpoint that holds training state. */
        public Builder optResume(ModelCheckpoint checkpoint) {
            this.resume = checkpoint;
            return this;
        }

        /**
         * Start from a checkpoint's served weights and vocabulary (fresh optimizer, step 0); its
         * model config is used. The vocabulary stays fixed: new words map to UNK.
         */
        public Builder optFineTune(ModelCheckpoint checkpoint) {
            this.fineTune = checkpoint;
            return this;
        }

        /** Further entries for the checkpoint's metrics, e.g. what data a round trained on. */
        public Builder optExtraMetrics(Map<String, Object> metrics) {
            this.extraMetrics = Map.copyOf(metrics);
            return this;
        }

        /** The command line to record in the metrics. */
        public Builder optCommand(String command) {
            this.command = command;
            return this;
        }

        /** Show a progress bar on stderr (default true). */
        public Builder optProgress(boolean progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the config
         * @throws UserInputException naming the first bad value
         */
        public TrainerConfig build() {
            if (modelConfig == null && resume == null && fineTune == null) {
                throw new UserInputException(
                        "trainer: setModelConfig (or optResume or optFineTune) is required");
            }
            if (resume != null && fineTune != null) {
                throw new UserInputException(
                        "trainer: resume and fine-tune exclude each other (resume continues a run,"
                                + " fine-tune starts a new one from served weights)");
            }
            ModelConfig mc =
                    resume != null
                            ? resume.config()
                            : fineTune != null ? fineTune.config() : modelConfig;
            check(steps >= 1, "steps", steps, "must be ≥ 1");
            check(batchSize >= 2, "batch size", batchSize, "must be ≥ 2 (InfoNCE needs pairs)");
            check(learningRate > 0 && learningRate < 1, "learning rate", learningRate, "in (0, 1)");
            check(warmUpSteps >= 0, "warm-up steps", warmUpSteps, "must be ≥ 0");
            check(decay != null, "decay", decay, "is required");
            check(
                    finalFraction >= 0 && finalFraction <= 1,
                    "final learning-rate fraction",
                    finalFraction,
                    "must be in [0, 1]");
            check(weightDecay >= 0 && weightDecay < 1, "weight decay", weightDecay, "in [0, 1)");
            check(clipNorm >= 0, "clip norm", clipNorm, "must be ≥ 0");
            check(emaDecay >= 0 && emaDecay < 1, "EMA decay", emaDecay, "must be in [0, 1)");
            check(
                    estimatorLearningRate > 0 && estimatorLearningRate < 1,
                    "estimator learning rate",
                    estimatorLearningRate,
                    "in (0, 1)");
            check(validateEvery >= 0, "validate-every", validateEvery, "must be ≥ 0");
            check(maxValidationSamples >= 0, "max validation samples", maxValidationSamples, "≥ 0");
            check(captionChoice != null, "caption choice", captionChoice, "is required");
            check(vocabularyMinCount >= 1, "vocabulary min count", vocabularyMinCount, "≥ 1");
            return new TrainerConfig(
                    mc,
                    steps,
                    batchSize,
                    learningRate,
                    warmUpSteps,
                    decay,
                    finalFraction,
                    weightDecay,
                    clipNorm,
                    emaDecay,
                    estimatorLearningRate,
                    seed != null ? seed : mc.seed(),
                    validateEvery,
                    maxValidationSamples,
                    captionChoice,
                    vocabularyMinCount,
                    device,
                    saveTrainingState,
                    Optional.ofNullable(resume),
                    Optional.ofNullable(fineTune),
                    extraMetrics,
                    command == null ? "" : command,
                    progress);
        }

        private static void check(boolean ok, String name, Object value, String rule) {
            if (!ok) {
                throw new UserInputException("trainer " + name + " = " + value + ": " + rule);
            }
        }
    }
}
