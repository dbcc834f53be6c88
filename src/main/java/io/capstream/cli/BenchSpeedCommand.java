package io.capstream.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.capstream.bench.CellBudget;
import io.capstream.bench.MachineInfo;
import io.capstream.bench.MatmulPeak;
import io.capstream.bench.SpeedBench;
import io.capstream.bench.SpeedJson;
import io.capstream.bench.SpeedReport;
import io.capstream.bench.SpeedResult;
import io.capstream.bench.SpeedSubject;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capstream bench speed}: captions/s, ms/batch and achieved GFLOP/s of diffusion captioning
 * and of the autoregressive baseline of the same size, side by side in one process.
 */
@Command(
        name = "speed",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Times diffusion captioning against the autoregressive baseline of the same width and"
                    + " depth (greedy and beam search) at several batch sizes, and diffusion against"
                    + " its number of sampling steps, on one machine with one thread setting. Reports"
                    + " captions/s, ms/batch (median, p90) and achieved GFLOP/s against a large"
                    + " float32 matrix product timed in the same run.",
            "Weights: the given or shipped checkpoint when there is one, else fresh seeded weights"
                    + " of the preset (the table header says which)."
        })
public final class BenchSpeedCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--model",
            defaultValue = "both",
            paramLabel = "decider|iba-cd|both",
            description = "which model to time (default: ${DEFAULT-VALUE})")
    String model;

    @Option(
            names = "--checkpoint",
            paramLabel = "DIR",
            description = "a checkpoint directory to time instead of the shipped one (its model)")
    Path checkpoint;

    @Option(
            names = "--fresh",
            description = "time fresh seeded weights even where a shipped checkpoint exists")
    boolean fresh;

    @Option(
            names = "--preset",
            defaultValue = "cpu-small",
            description = "config preset for fresh weights (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "change a model config key of fresh-weight models (repeatable), e.g. --set"
                            + " modelDim=64; with a checkpoint only sampleSteps, beamWidth and"
                            + " lengthPenalty")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(
            names = "--batch-sizes",
            split = ",",
            defaultValue = "1,8,32,64",
            description = "batch sizes of the diffusion-vs-AR table (default: ${DEFAULT-VALUE})")
    List<Integer> batchSizes;

    @Option(
            names = "--steps-list",
            split = ",",
            defaultValue = "1,2,5,10,20",
            description = "diffusion sampling steps to sweep (default: ${DEFAULT-VALUE})")
    List<Integer> stepsList;

    @Option(
            names = "--steps-batch",
            defaultValue = "32",
            description = "batch size of the sampling-steps sweep (default: ${DEFAULT-VALUE})")
    int stepsBatch;

    @Option(
            names = "--seconds-per-cell",
            defaultValue = "2",
            paramLabel = "S",
            description =
                    "time spent timing one cell before it stops; at least --min-reps runs"
                            + " (default: ${DEFAULT-VALUE})")
    double secondsPerCell;

    @Option(
            names = "--min-reps",
            defaultValue = "3",
            description = "timed runs per cell at least (default: ${DEFAULT-VALUE})")
    int minReps;

    @Option(
            names = "--warmup",
            defaultValue = "1",
            description = "untimed runs before each cell (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(
            names = "--threads",
            defaultValue = "0",
            paramLabel = "N",
            description =
                    "PyTorch intra-op threads; 0 keeps the engine's default (all cores). On a"
                            + " machine busy with other work use 1: idle OpenMP threads spin-wait for"
                            + " busy cores and made 2-thread cells 5-20x slower on a shared 2-core box")
    int threads;

    @Option(
            names = "--matmul-size",
            defaultValue = "1024",
            paramLabel = "N",
            description =
                    "side of the square matmul that measures peak GFLOP/s (default: ${DEFAULT-VALUE})")
    int matmulSize;

    @Option(
            names = "--vocab-size",
            paramLabel = "V",
            description =
                    "vocabulary size of fresh-weight models (default: 73 for decider, 102 for"
                            + " iba-cd: the synthetic datasets' words + EOS + UNK)")
    Integer vocabularySize;

    @Option(names = "--markdown", description = "print GitHub markdown tables")
    boolean markdown;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "also write every measurement (all repetition times) as JSON")
    Path json;

    @Override
    public Integer call() throws IOException {
        validate();
        if (threads > 0) {
            Engine.getInstance();
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
        }
        List<SpeedSubject> subjects = subjects();
        CellBudget budget = new CellBudget(warmup, minReps, 10_000, secondsPerCell);
        MachineInfo machine = MachineInfo.current();
        SpeedReport report = new SpeedReport(machine, markdown);
        SpeedJson results = new SpeedJson(machine);
        PrintWriter out = spec.commandLine().getOut();
        out.println(report.header());
        out.flush();
        try (NDManager peakManager = NDManager.newBaseManager()) {
            MatmulPeak before = peak(peakManager);
            for (SpeedSubject s : subjects) {
                SpeedResult r =
                        SpeedBench.builder()
                                .setConfig(s.config())
                                .setVocabularySize(s.vocabularySize())
                                .optDiffusionWeights(s.diffusionWeights())
                                .optAutoregressiveWeights(s.autoregressiveWeights())
                                .optBatchSizes(batchSizes)
                                .optStepsList(stepsList)
                                .optStepsBatch(stepsBatch)
                                .optBudget(budget)
                                .build()
                                .run(s.name());
                MatmulPeak after = peak(peakManager);
                out.println(report.render(s.name(), r, before, after));
                out.flush();
                results.add(s.name(), r, before, after);
                if (json != null) {
                    results.write(json);
                }
                before = after;
            }
        }
        return 0;
    }

    /** The matmul reference: a fixed short budget, so it costs a second or two per measurement. */
    private MatmulPeak peak(NDManager manager) {
        System.err.println("bench speed: timing a " + matmulSize + "² float32 matmul");
        return MatmulPeak.measure(manager, matmulSize, new CellBudget(2, 5, 1_000, 1.0));
    }

    private void validate() {
        if (!List.of("decider", "iba-cd", "both").contains(model)) {
            throw new UserInputException(
                    "--model is '" + model + "', expected decider, iba-cd or both");
        }
        positive("--batch-sizes", batchSizes);
        positive("--steps-list", stepsList);
        positive("--steps-batch", List.of(stepsBatch));
        positive("--min-reps", List.of(minReps));
        positive("--matmul-size", List.of(matmulSize));
        if (secondsPerCell < 0 || warmup < 0 || threads < 0) {
            throw new UserInputException("--seconds-per-cell, --warmup and --threads must be ≥ 0");
        }
        if (vocabularySize != null && vocabularySize < 2) {
            throw new UserInputException("--vocab-size " + vocabularySize + " must be ≥ 2");
        }
    }

    private static void positive(String option, List<Integer> values) {
        for (int v : values) {
            if (v < 1) {
                throw new UserInputException(option + " has " + v + ", values must be ≥ 1");
            }
        }
    }

    private List<SpeedSubject> subjects() {
        List<String> tasks = model.equals("both") ? List.of("decider", "iba-cd") : List.of(model);
        List<SpeedSubject> out = new ArrayList<>();
        if (checkpoint != null) {
            SpeedSubject s = SpeedSubject.checkpoint(checkpoint, overrides);
            if (!model.equals("both") && !model.equals(s.name())) {
                throw new UserInputException(
                        "--checkpoint "
                                + checkpoint
                                + " holds a "
                                + s.name()
                                + " model, not "
                                + model);
            }
            out.add(s);
            return out;
        }
        for (String task : tasks) {
            out.add(SpeedSubject.resolve(task, preset, overrides, vocabularySize, fresh));
        }
        return out;
    }
}
