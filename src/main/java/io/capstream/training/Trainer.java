package io.capstream.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.capstream.model.CaptioningModel;
import io.capstream.model.DjlCaptioner;
import io.capstream.model.LossTerms;
import io.capstream.model.ModelConfig;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.text.Vocabulary;
import io.capstream.util.Progress;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Trains a captioner on in-memory samples and writes a {@link ModelCheckpoint}.
 *
 * <pre>{@code
 * TrainerConfig config = TrainerConfig.builder()
 *         .setModelConfig(ModelConfig.preset("cpu-small", ModelConfig.Task.DECIDER))
 *         .optSteps(3000).optBatchSize(32).optValidateEvery(500).build();
 * TrainingReport report = new Trainer(config).train(train, validation, dir, "decider", 1);
 * }</pre>
 *
 * <p>Each step: one reference caption per sample, the model's loss terms in a per-step manager
 * under a {@code GradientCollector}, one backward of the total, then AdamW on the main parameters
 * (global-norm clipped, warm-up + decay schedule) and a second AdamW on the CLUB estimator, then
 * the weight average (EMA). The engine's generator is reseeded from (seed, step) before every step
 * and the batches are a function of (seed, step), so two runs with one seed give the same losses
 * and a resumed run continues as if it had never stopped. Validation captions the validation
 * samples with the EMA weights and scores them; the EMA weights with the best CIDEr-D are the ones
 * saved as {@value ModelCheckpoint#PARAMS}.
 *
 * <p>Not thread-safe; one run at a time per instance. Training is leak-free: every array of a step
 * lives in that step's manager.
 */
public final class Trainer {
    private final TrainerConfig config;

    /** Managed arrays after the first and after the last step of the latest run (leak tests). */
    int[] arrayCounts = new int[2];

    /**
     * @param config the run's settings
     */
    public Trainer(TrainerConfig config) {
        this.config = config;
    }

    /**
     * Trains and writes the checkpoint.
     *
     * @param train training samples (image count per sample must fit the task)
     * @param validation validation samples, may be empty (then the last EMA weights are saved)
     * @param out the checkpoint directory to write (replaced atomically)
     * @param name the model name recorded in the checkpoint
     * @param version the version recorded in the checkpoint
     * @return what the run did
     * @throws UserInputException for unusable samples or a resume checkpoint without state
     */
    public TrainingReport train(
            List<TrainingSample> train,
            List<TrainingSample> validation,
            Path out,
            String name,
            int version) {
        ModelConfig mc = config.effectiveModelConfig();
        checkSamples(train, mc, "training");
        checkSamples(validation, mc, "validation");
        Device device = DjlCaptioner.device(config.device());
        try (NDManager root = NDManager.newBaseManager(device);
                Run run = new Run(mc, train, validation, root)) {
            return run.execute(out, name, version);
        }
    }

    /**
     * Scores a checkpoint's served weights on samples the way validation during training scores the
     * averaged weights (same captioning, metrics and seeded sampling noise), so a model before and
     * after training can be compared on one slice.
     *
     * @param checkpoint the checkpoint
     * @param samples the samples to caption and score (not empty)
     * @param maxSamples score at most this many, the first ones (0 = all)
     * @param device auto, cpu or gpu
     * @return the scores (step 0)
     * @throws UserInputException for samples that do not fit the model
     */
    public static Validation score(
            ModelCheckpoint checkpoint,
            List<TrainingSample> samples,
            int maxSamples,
            String device) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples to score");
        }
        ModelConfig mc = checkpoint.config();
        checkSamples(samples, mc, "validation");
        try (NDManager root = NDManager.newBaseManager(DjlCaptioner.device(device))) {
            CaptioningModel model = checkpoint.loadModel(root, mc);
            return new Validator(samples, maxSamples)
                    .run(0, model, new ParameterStore(root, false), root, checkpoint.vocabulary());
        }
    }

    private static void checkSamples(List<TrainingSample> samples, ModelConfig mc, String what) {
        int per = mc.task() == ModelConfig.Task.DECIDER ? 2 : 1;
        if (what.equals("training") && samples.isEmpty()) {
            throw new UserInputException("no training samples");
        }
        for (TrainingSample s : samples) {
            if (s.images().size() != per || s.imageSize() != mc.imageSize()) {
                throw new UserInputException(
                        what
                                + " sample "
                                + s.id()
                                + " has "
                                + s.images().size()
                                + " image(s) of "
                                + s.imageSize()
                                + " px; the "
                                + mc.task().name().toLowerCase(Locale.ROOT).replace('_', '-')
                                + " model takes "
                                + per
                                + " of "
                                + mc.imageSize()
                                + " px");
            }
        }
    }

    /** The state of one training run. */
    private final class Run implements AutoCloseable {
        private final ModelConfig mc;
        private final NDManager manager;
        private final Vocabulary vocabulary;
        private final CaptioningModel model;
        private final WeightAverage average;
        private final ParameterStore ps;
        private final AdamW main;
        private final AdamW estimator;
        private final BatchSampler sampler;
        private final Validator validator;
        private final List<Validation> history = new ArrayList<>();
        private final int startStep;
        private final double previousSeconds;
        private Validation best;
        private byte[] bestParameters;
        private final Map<String, Double> termSums = new LinkedHashMap<>();
        private int termSteps;
        private Map<String, Double> lastTermMeans = Map.of();

        Run(
                ModelConfig mc,
                List<TrainingSample> train,
                List<TrainingSample> validation,
                NDManager root) {
            this.mc = mc;
            this.manager = root;
            Optional<ModelCheckpoint> resume = config.resume();
            resume.ifPresent(TrainingState::require);
            Optional<ModelCheckpoint> fineTune = config.fineTune();
            vocabulary =
                    resume.or(() -> fineTune)
                            .map(ModelCheckpoint::vocabulary)
                            .orElseGet(
                                    () ->
                                            Vocabulary.build(
                                                    train.stream()
                                                            .flatMap(s -> s.captions().stream())
                                                            .toList(),
                                                    config.vocabularyMinCount()));
            if (resume.isPresent()) {
                ModelCheckpoint c = resume.get();
                model = c.loadModel(root, mc, TrainingState.WEIGHTS);
                for (Pair<String, Parameter> p : model.getParameters()) {
                    p.getValue().getArray().setRequiresGradient(true);
                }
                average =
                        new WeightAverage(
                                model,
                                c.loadModel(root, mc, TrainingState.AVERAGE),
                                config.emaDecay());
                startStep = TrainingState.step(c);
                if (startStep >= config.steps()) {
                    throw new UserInputException(
                            "checkpoint "
                                    + c.path()
                                    + " is already at step "
                                    + startStep
                                    + "; ask for more steps than that");
                }
                history.addAll(TrainingMetrics.validations(c.metrics()));
                best = TrainingMetrics.best(history);
                bestParameters = best == null ? null : TrainingState.servedParameters(c);
                previousSeconds = TrainingMetrics.number(c.metrics(), "wallSeconds");
            } else if (fineTune.isPresent()) {
                // The served weights become both the trained weights and the average's start;
                // the optimizer starts fresh (served checkpoints carry no moments).
                ModelCheckpoint c = fineTune.get();
                model = c.loadModel(root, mc);
                for (Pair<String, Parameter> p : model.getParameters()) {
                    p.getValue().getArray().setRequiresGradient(true);
                }
                average = new WeightAverage(model, c.loadModel(root, mc), config.emaDecay());
                startStep = 0;
                previousSeconds = 0;
            } else {
                Engine.getInstance().setRandomSeed((int) config.seed());
                model = CaptioningModel.create(mc, vocabulary.size());
                model.initialize(root);
                CaptioningModel copy = CaptioningModel.create(mc, vocabulary.size());
                copy.initialize(root);
                average = new WeightAverage(model, copy, config.emaDecay());
                average.reset();
                startStep = 0;
                previousSeconds = 0;
            }
            ps = new ParameterStore(root, false);
            main =
                    new AdamW(
                            model.mainParameters(),
                            LearningRates.main(config),
                            config.weightDecay(),
                            config.clipNorm(),
                            root);
            estimator =
                    new AdamW(
                            model.estimatorParameters(),
                            LearningRates.estimator(config),
                            0f,
                            config.clipNorm(),
                            root);
            resume.ifPresent(
                    c -> {
                        try (NDManager tmp = root.newSubManager()) {
                            main.restore(
                                    TrainingState.moments(c, TrainingState.MAIN_OPTIMIZER, tmp));
                            if (!model.estimatorParameters()
                                    .isEmpty()) { // empty lists do not decode
                                estimator.restore(
                                        TrainingState.moments(
                                                c, TrainingState.ESTIMATOR_OPTIMIZER, tmp));
                            }
                        }
                    });
            sampler =
                    new BatchSampler(
                            train, config.batchSize(), config.seed(), config.captionChoice());
            validator = new Validator(validation, config.maxValidationSamples());
        }

        TrainingReport execute(Path out, String name, int version) {
            List<Float> losses = new ArrayList<>();
            long start = System.nanoTime();
            double trainSeconds = 0;
            int steps = config.steps() - startStep;
            String label = "train " + name;
            try (Progress bar = config.progress() ? new Progress(label, steps) : null) {
                for (int step = startStep; step < config.steps(); step++) {
                    long t0 = System.nanoTime();
                    float loss = step(step);
                    trainSeconds += (System.nanoTime() - t0) / 1e9;
                    if (step == startStep || step == config.steps() - 1) {
                        arrayCounts[step == startStep ? 0 : 1] = manager.getManagedArrays().size();
                    }
                    losses.add(loss);
                    boolean last = step == config.steps() - 1;
                    int done = step + 1;
                    if (!validator.isEmpty()
                            && (last
                                    || (config.validateEvery() > 0
                                            && done % config.validateEvery() == 0))) {
                        validate(done);
                    }
                    if (bar != null) {
                        double rate = (done - startStep) * config.batchSize() / trainSeconds;
                        bar.status(
                                        String.format(
                                                Locale.ROOT,
                                                "loss %.3f %.0f samples/s%s",
                                                smoothed(losses),
                                                rate,
                                                best == null
                                                        ? ""
                                                        : String.format(
                                                                Locale.ROOT,
                                                                " best CIDEr-D %.3f",
                                                                best.ciderD())))
                                .step();
                    }
                }
            }
            double wall = (System.nanoTime() - start) / 1e9;
            double samplesPerSecond = steps * config.batchSize() / trainSeconds;
            Map<String, Object> metrics =
                    TrainingMetrics.of(
                            config,
                            name,
                            version,
                            mc,
                            vocabulary,
                            sampler,
                            history,
                            best,
                            losses,
                            startStep,
                            previousSeconds + wall,
                            wall,
                            samplesPerSecond,
                            manager.getDevice());
            metrics.put("lossTerms", takeTermMeans());
            config.fineTune()
                    .ifPresent(
                            c ->
                                    metrics.put(
                                            "fineTunedFrom",
                                            Map.of(
                                                    "model", c.name(),
                                                    "version", c.version(),
                                                    "path", c.path().toString())));
            metrics.putAll(config.extraMetrics());
            byte[] served = bestParameters != null ? bestParameters : parameters(average.model());
            try {
                ModelCheckpoint checkpoint =
                        ModelCheckpoint.write(
                                out,
                                name,
                                version,
                                mc,
                                vocabulary,
                                metrics,
                                served,
                                dir -> {
                                    if (config.saveTrainingState()) {
                                        TrainingState.write(
                                                dir,
                                                config.steps(),
                                                config.seed(),
                                                parameters(model),
                                                parameters(average.model()),
                                                main.state(),
                                                estimator.state());
                                    }
                                });
                return new TrainingReport(
                        checkpoint,
                        startStep,
                        config.steps(),
                        losses,
                        history,
                        Optional.ofNullable(best),
                        wall,
                        samplesPerSecond);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** One optimizer step; returns the loss without the CLUB estimator's own term. */
        private float step(int step) {
            Engine.getInstance().setRandomSeed((int) BatchSampler.mix(config.seed(), step));
            BatchSampler.Batch batch = sampler.batch(step);
            float loss;
            try (NDManager scope = manager.newSubManager();
                    GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList images = Batches.images(scope, batch.samples(), model.imagesPerSample());
                int[][] captions = vocabulary.encodeAll(batch.captions(), mc.maxLength());
                LossTerms terms = model.lossTerms(ps, images, captions, true);
                NDArray total = terms.total();
                gc.backward(total);
                loss = total.getFloat();
                Map<String, Float> values = terms.toFloats();
                values.forEach((k, v) -> termSums.merge(k, (double) v, Double::sum));
                termSteps++;
                loss -= values.getOrDefault(LossTerms.CLUB_ESTIMATOR, 0f);
            }
            main.update(step);
            estimator.update(step);
            termSums.merge("grad-norm", (double) main.lastGradientNorm(), Double::sum);
            average.update(step);
            return loss;
        }

        /** Means of each unweighted loss term since the last call. */
        private Map<String, Double> takeTermMeans() {
            if (termSteps > 0) {
                Map<String, Double> means = new LinkedHashMap<>();
                termSums.forEach((k, v) -> means.put(k, v / termSteps));
                lastTermMeans = means;
                termSums.clear();
                termSteps = 0;
            }
            return lastTermMeans;
        }

        private void validate(int done) {
            Map<String, Double> terms = takeTermMeans();
            Validation v = validator.run(done, average.model(), ps, manager, vocabulary);
            history.add(v);
            if (best == null || v.ciderD() > best.ciderD()) {
                best = v;
                bestParameters = parameters(average.model());
            }
            if (config.progress()) {
                System.err.printf(
                        Locale.ROOT,
                        "%nstep %d: loss terms %s%nvalidation: %s, %d distinct captions of %d,"
                                + " e.g. %s%n",
                        done,
                        TrainingMetrics.format(terms),
                        TrainingMetrics.format(v.scores()),
                        v.distinctCaptions(),
                        v.samples(),
                        v.example());
            }
        }

        private static float smoothed(List<Float> losses) {
            int n = Math.min(50, losses.size());
            double sum = 0;
            for (int i = losses.size() - n; i < losses.size(); i++) {
                sum += losses.get(i);
            }
            return (float) (sum / n);
        }

        private byte[] parameters(CaptioningModel m) {
            return ModelCheckpoint.parameterBytes(m);
        }

        @Override
        public void close() {
            main.close();
            estimator.close();
        }
    }
}
