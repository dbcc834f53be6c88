package io.capstream.cli;

import io.capstream.bench.MachineInfo;
import io.capstream.bench.quality.QualityBench;
import io.capstream.bench.quality.QualityJson;
import io.capstream.bench.quality.QualityReport;
import io.capstream.bench.quality.QualityResult;
import io.capstream.bench.quality.QualityVariant;
import io.capstream.bench.quality.TrainerBackend;
import io.capstream.data.clevr.ClevrChangeGenerator;
import io.capstream.data.toons.ToonDatasetConfig;
import io.capstream.data.toons.ToonDatasetGenerator;
import io.capstream.model.ModelConfig;
import io.capstream.util.Progress;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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
 * {@code capstream bench quality}: diffusion vs the autoregressive baseline vs the ablations, each
 * trained with the same step budget, scored on the test split.
 */
@Command(
        name = "quality",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "For each dataset (clevr-change pairs → decider, toons → iba-cd) trains the diffusion"
                    + " model, the autoregressive baseline of the same size and the ablations"
                    + " (decider: no-ib, no-ce, no-reg, no-pos, no-neg; iba-cd: no-ib, no-ce,"
                    + " no-reg, stages-1) with the same config and step budget, captions the test"
                    + " split and scores it: BLEU-4, METEOR, ROUGE-L, CIDEr-D, semantic accuracy,"
                    + " CIDEr-D per change type; then the diffusion model at several sampling-step"
                    + " counts.",
            "Checkpoints, hypotheses and results.json go under --out; a rerun reuses variants"
                    + " already trained with the same steps and config.",
            "Cost: the cpu-small preset trains at about 0.4 s per step on one CPU core (batch 32),"
                    + " so the default 13 variants × 2000 steps take about 3 hours there; captioning"
                    + " 600 test pairs takes 10-20 s per variant and sampling-step count."
        })
public final class BenchQualityCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--model",
            defaultValue = "both",
            paramLabel = "decider|iba-cd|both",
            description = "which datasets to run (default: ${DEFAULT-VALUE})")
    String model;

    @Option(
            names = "--clevr",
            paramLabel = "DIR",
            description = "clevr-change dataset (default: generate one under --out/data)")
    Path clevr;

    @Option(
            names = "--toons",
            paramLabel = "DIR",
            description = "toons dataset (default: generate one under --out/data)")
    Path toons;

    @Option(
            names = "--pairs",
            defaultValue = "1000",
            description = "scenes of a generated clevr-change dataset (default: ${DEFAULT-VALUE})")
    int pairs;

    @Option(
            names = "--images",
            defaultValue = "1000",
            description = "images of a generated toons dataset (default: ${DEFAULT-VALUE})")
    int images;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "seed of generated datasets (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--steps",
            defaultValue = "2000",
            paramLabel = "N",
            description = "training steps of every variant (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(
            names = "--variants",
            split = ",",
            paramLabel = "NAME",
            description =
                    "variants to train (default: all that apply): diffusion, autoregressive,"
                            + " no-ib, no-ce, no-reg, no-pos, no-neg (decider), stages-1 (iba-cd)")
    List<String> variants;

    @Option(
            names = "--sampling-steps",
            split = ",",
            defaultValue = "1,2,5,10,20",
            description =
                    "sampling steps of the diffusion quality sweep; empty to skip (default:"
                            + " ${DEFAULT-VALUE})")
    List<Integer> samplingSteps;

    @Option(
            names = "--preset",
            defaultValue = "cpu-small",
            description = "model config preset (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "change a model config key of every variant (repeatable)")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(
            names = "--batch-size",
            defaultValue = "32",
            description = "captioning batch size (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(
            names = "--out",
            defaultValue = "target/bench-quality",
            paramLabel = "DIR",
            description = "checkpoints, hypotheses and results.json (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--max-val",
            defaultValue = "500",
            paramLabel = "N",
            description =
                    "validation samples scored to pick each variant's best weights; 0 = all"
                            + " (default: ${DEFAULT-VALUE})")
    int maxValidation;

    @Option(
            names = "--device",
            defaultValue = "auto",
            description = "auto, cpu or gpu (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--threads", paramLabel = "N", description = "PyTorch intra-op threads")
    Integer threads;

    @Option(names = "--retrain", description = "train every variant again, even if on disk")
    boolean retrain;

    @Option(names = "--markdown", description = "print GitHub markdown tables")
    boolean markdown;

    @Override
    public Integer call() throws IOException {
        List<String> tasks = tasks();
        if (variants != null) {
            QualityVariant.checkKnown(variants);
        }
        if (steps < 1 || batchSize < 1 || samplingSteps.stream().anyMatch(s -> s < 1)) {
            throw new UserInputException("--steps, --batch-size and --sampling-steps must be ≥ 1");
        }
        CliModels.threads(threads);
        TrainerBackend backend = new TrainerBackend(preset, device, maxValidation, true);
        QualityBench bench =
                new QualityBench(backend, backend, out, steps, samplingSteps, batchSize, retrain);
        QualityReport report = new QualityReport(markdown);
        String machine = MachineInfo.current().describe();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("machine: " + machine);
        stdout.println();
        stdout.flush();
        List<QualityResult> results = new ArrayList<>();
        for (String task : tasks) {
            ModelConfig.Task t =
                    task.equals("decider") ? ModelConfig.Task.DECIDER : ModelConfig.Task.IBA_CD;
            ModelConfig base = ModelConfig.preset(preset, t).withOverrides(overrides);
            List<String> names = variants != null ? variants : QualityVariant.defaults(t);
            List<QualityVariant> chosen = QualityVariant.forTask(names, t);
            if (chosen.isEmpty()) {
                throw new UserInputException(
                        "--variants " + names + " has none that apply to " + task);
            }
            Path data = task.equals("decider") ? clevrDataset() : toonsDataset();
            QualityResult r = bench.run(task, base, data, chosen);
            results.add(r);
            QualityJson.write(out.resolve("results.json"), machine, results);
            stdout.println(report.render(r));
            stdout.flush();
        }
        System.err.println("bench quality: results in " + out.resolve("results.json"));
        return 0;
    }

    private List<String> tasks() {
        switch (model) {
            case "both":
                return List.of("decider", "iba-cd");
            case "decider":
            case "iba-cd":
                return List.of(model);
            default:
                throw new UserInputException(
                        "--model is '" + model + "', expected decider, iba-cd or both");
        }
    }

    private static boolean hasRefs(Path dir) {
        return Files.isRegularFile(dir.resolve("eval").resolve("refs_test.json"));
    }

    private Path clevrDataset() throws IOException {
        if (clevr != null) {
            return clevr;
        }
        Path dir = out.resolve("data").resolve("clevr-change-" + pairs + "-seed" + seed);
        if (!hasRefs(dir)) {
            System.err.println(
                    "bench quality: generating " + pairs + " clevr-change scenes in " + dir);
            ClevrChangeGenerator.builder()
                    .setPairs(pairs)
                    .setOutput(dir)
                    .optSeed(seed)
                    .optOverwrite(true)
                    .build()
                    .generate();
        }
        return dir;
    }

    private Path toonsDataset() {
        if (toons != null) {
            return toons;
        }
        Path dir = out.resolve("data").resolve("toons-" + images + "-seed" + seed);
        if (!hasRefs(dir)) {
            ToonDatasetConfig config =
                    ToonDatasetConfig.builder()
                            .setImages(images)
                            .setOut(dir)
                            .optSeed(seed)
                            .optOverwrite(true)
                            .build();
            try (Progress progress = new Progress("toons", images)) {
                ToonDatasetGenerator.generate(config, progress);
            }
        }
        return dir;
    }
}
