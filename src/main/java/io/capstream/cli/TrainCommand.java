package io.capstream.cli;

import io.capstream.data.Split;
import io.capstream.model.ModelConfig;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.training.CaptionChoice;
import io.capstream.training.Trainer;
import io.capstream.training.TrainerConfig;
import io.capstream.training.TrainingData;
import io.capstream.training.TrainingRecipe;
import io.capstream.training.TrainingReport;
import io.capstream.training.Validation;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code capstream train}: trains {@code decider} or {@code iba-cd} on a dataset directory and
 * writes a versioned checkpoint; prints one line saying where and the validation scores.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Train a captioner on a dataset directory (CLEVR-Change, Spot-the-Diff or"
                    + " Image-Editing-Request layout for decider; COCO captions for iba-cd) and"
                    + " write a checkpoint. Validates on the val split every K steps and keeps the"
                    + " averaged (EMA) weights with the best CIDEr-D.",
            "Prints one line: where the checkpoint went and its validation scores."
        })
public final class TrainCommand implements Callable<Integer> {
    private static final Pattern VERSION_DIR = Pattern.compile("v[0-9]+");

    @Option(names = "--model", required = true, description = "decider or iba-cd.")
    String model;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Dataset.")
    Path dataset;

    @Option(
            names = "--preset",
            defaultValue = "cpu-small",
            description =
                    "cpu-small or gpu-base: model size and training recipe (default: ${DEFAULT-VALUE}).")
    String preset;

    @Option(names = "--steps", description = "Optimizer steps (default: the preset's).")
    Integer steps;

    @Option(names = "--batch-size", description = "Samples per step (default: the preset's).")
    Integer batchSize;

    @Option(names = "--lr", description = "Peak learning rate (default: the preset's).")
    Float lr;

    @Option(names = "--warm-up", description = "Warm-up steps (default: the preset's).")
    Integer warmUp;

    @Option(names = "--seed", description = "Seed (default: the model config's).")
    Long seed;

    @Option(
            names = "--validate-every",
            paramLabel = "K",
            description = "Validate every K steps; 0 = only at the end (default: the preset's).")
    Integer validateEvery;

    @Option(
            names = "--max-val",
            defaultValue = "500",
            paramLabel = "N",
            description =
                    "Score at most N validation samples; 0 = all (default: ${DEFAULT-VALUE}).")
    int maxValidation;

    @Option(
            names = "--captions",
            paramLabel = "random|typical",
            description =
                    "Reference trained on per step: a random one, or each sample's most typical"
                            + " phrasing (default: the preset's).")
    String captions;

    @Option(
            names = "--out",
            defaultValue = "models-out",
            paramLabel = "STORE_OR_DIR",
            description =
                    "A model store (the checkpoint goes to STORE/<model>/v<version>) or, when the"
                            + " last name is v<N>, the checkpoint directory itself"
                            + " (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--version",
            description = "Version to write (default: the store's next version).")
    Integer version;

    @Option(
            names = "--resume",
            paramLabel = "DIR",
            description =
                    "Continue training a checkpoint (saved with its training state) up to --steps;"
                            + " its model config is used.")
    Path resume;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Model config override, e.g. --set generator=autoregressive (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--no-ib", description = "Ablation: no information-bottleneck losses.")
    boolean noIb;

    @Option(names = "--no-ce", description = "Ablation: no cross-entropy loss.")
    boolean noCe;

    @Option(names = "--no-reg", description = "Ablation: no x0 regression loss.")
    boolean noReg;

    @Option(names = "--no-pos", description = "Ablation: no adversarial hard positive.")
    boolean noPos;

    @Option(names = "--no-neg", description = "Ablation: no adversarial hard negative.")
    boolean noNeg;

    @Option(names = "--stages", description = "Cascaded diffusion stages N.")
    Integer stages;

    @Option(
            names = "--threads",
            description = "PyTorch intra-op threads (default: the engine's, i.e. one per core).")
    Integer threads;

    @Option(
            names = "--device",
            defaultValue = "auto",
            description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(
            names = "--no-training-state",
            description =
                    "Save only what serving needs (no raw weights or optimizer moments: about 4x"
                            + " smaller, but cannot be resumed).")
    boolean noTrainingState;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ModelConfig.Task task = CliModels.task(model);
        CliModels.threads(threads);
        TrainerConfig.Builder b = TrainerConfig.builder();
        ModelConfig config;
        String recipePreset = preset;
        if (resume != null) {
            if (!overrides.isEmpty() || noIb || noCe || noReg || noPos || noNeg || stages != null) {
                throw new UserInputException(
                        "--resume trains the checkpoint's own model config; drop --set and the"
                                + " ablation switches");
            }
            ModelCheckpoint c = ModelCheckpoint.load(resume);
            if (c.config().task() != task) {
                throw new UserInputException(
                        "--resume "
                                + resume
                                + " holds a "
                                + CliModels.name(c.config().task())
                                + " model, not "
                                + model);
            }
            b.optResume(c);
            config = c.config();
            recipePreset = config.modelDim() >= 512 ? "gpu-base" : "cpu-small";
        } else {
            config = ModelConfig.preset(preset, task).withOverrides(modelOverrides());
            b.setModelConfig(config);
        }
        TrainingRecipe.of(recipePreset, task).applyTo(b);
        if (steps != null) {
            b.optSteps(steps);
        }
        if (batchSize != null) {
            b.optBatchSize(batchSize);
        }
        if (lr != null) {
            b.optLearningRate(lr);
        }
        if (warmUp != null) {
            b.optWarmUpSteps(warmUp);
        }
        if (seed != null) {
            b.optSeed(seed);
        }
        if (validateEvery != null) {
            b.optValidateEvery(validateEvery);
        }
        if (captions != null) {
            b.optCaptionChoice(CaptionChoice.parse(captions));
        }
        TrainerConfig tc =
                b.optMaxValidationSamples(maxValidation)
                        .optDevice(device)
                        .optSaveTrainingState(!noTrainingState)
                        .optCommand(
                                "capstream "
                                        + String.join(
                                                " ",
                                                spec.commandLine().getParseResult().originalArgs()))
                        .build();
        Path dir = target(model);
        TrainingData data =
                TrainingData.load(
                        dataset, task, config.imageSize(), List.of(Split.TRAIN, Split.VAL), true);
        if (data.split(Split.TRAIN).isEmpty()) {
            throw new UserInputException("--dataset " + dataset + " has no train split samples");
        }
        TrainingReport r =
                new Trainer(tc)
                        .train(
                                data.split(Split.TRAIN),
                                data.split(Split.VAL),
                                dir,
                                model,
                                versionOf(dir));
        System.out.println(summary(r));
        return 0;
    }

    private Map<String, Object> modelOverrides() {
        Map<String, Object> o = new LinkedHashMap<>(overrides);
        putSwitch(o, "ib", noIb);
        putSwitch(o, "ce", noCe);
        putSwitch(o, "reg", noReg);
        putSwitch(o, "pos", noPos);
        putSwitch(o, "neg", noNeg);
        if (stages != null) {
            o.put("stages", stages);
        }
        return o;
    }

    private static void putSwitch(Map<String, Object> o, String key, boolean off) {
        if (off) {
            o.put(key, false);
        }
    }

    /** The checkpoint directory: OUT itself when it is named v<N>, else OUT/<model>/v<version>. */
    private Path target(String name) {
        if (VERSION_DIR.matcher(out.getFileName().toString()).matches()) {
            if (version != null) {
                throw new UserInputException(
                        "--out " + out + " already names the version directory; drop --version");
            }
            return out;
        }
        ModelStore store = ModelStore.at(out);
        int v = version != null ? version : store.nextVersion(name);
        if (v < 1) {
            throw new UserInputException("--version " + v + " must be ≥ 1");
        }
        return store.path(name, v);
    }

    private static int versionOf(Path dir) {
        return Integer.parseInt(dir.getFileName().toString().substring(1));
    }

    private static String summary(TrainingReport r) {
        StringBuilder s =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "wrote %s v%d to %s (%d steps, %.0f s, %.1f samples/s)",
                                r.checkpoint().name(),
                                r.checkpoint().version(),
                                r.checkpoint().path(),
                                r.lastStep(),
                                r.wallSeconds(),
                                r.samplesPerSecond()));
        if (r.best().isPresent()) {
            Validation v = r.best().get();
            s.append(String.format(Locale.ROOT, ": best val at step %d", v.step()));
            v.scores().forEach((k, x) -> s.append(String.format(Locale.ROOT, " %s %.3f", k, x)));
        } else {
            s.append(": no validation split");
        }
        return s.toString();
    }
}
