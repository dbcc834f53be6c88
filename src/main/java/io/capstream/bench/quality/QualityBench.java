package io.capstream.bench.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.capstream.data.Split;
import io.capstream.eval.CaptionFiles;
import io.capstream.eval.CaptionScorer;
import io.capstream.eval.Scores;
import io.capstream.model.Captioner;
import io.capstream.model.ModelConfig;
import io.capstream.util.Progress;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The quality benchmark of one dataset: trains the diffusion model, the autoregressive baseline and
 * the ablations with the same config and the same step budget, captions the test split with each,
 * and scores the captions (COCO metrics, CIDEr-D per change type, semantic accuracy); then captions
 * the test split with the diffusion model at several sampling-step counts.
 *
 * <p>Files under {@code output/<model>/<variant>/}: {@code checkpoint/}, {@code training.json}
 * (steps, seconds, config) and {@code hyps_test.json} (plus {@code hyps_test_S<n>.json} for the
 * sweep). A variant whose {@code training.json} matches the run's steps and config is not trained
 * again unless {@code retrain} is set, so an interrupted run resumes where it stopped.
 */
public final class QualityBench {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final VariantTrainer trainer;
    private final CaptionerOpener opener;
    private final Path output;
    private final int steps;
    private final List<Integer> samplingSteps;
    private final int batchSize;
    private final boolean retrain;

    /**
     * @param trainer trains a variant
     * @param opener opens a checkpoint for captioning
     * @param output root directory for checkpoints, hypotheses and results
     * @param steps training steps per variant (≥ 1)
     * @param samplingSteps sampling-step counts of the diffusion sweep (may be empty)
     * @param batchSize captioning batch size
     * @param retrain train even when a matching checkpoint exists
     */
    public QualityBench(
            VariantTrainer trainer,
            CaptionerOpener opener,
            Path output,
            int steps,
            List<Integer> samplingSteps,
            int batchSize,
            boolean retrain) {
        if (steps < 1 || batchSize < 1 || samplingSteps.stream().anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException(
                    "steps "
                            + steps
                            + ", sampling steps "
                            + samplingSteps
                            + ", batch "
                            + batchSize);
        }
        this.trainer = trainer;
        this.opener = opener;
        this.output = output;
        this.steps = steps;
        this.samplingSteps = List.copyOf(samplingSteps);
        this.batchSize = batchSize;
        this.retrain = retrain;
    }

    /**
     * Runs the benchmark on one dataset.
     *
     * @param model decider or iba-cd (names the checkpoints and the output folder)
     * @param base the shared config; each variant changes only its own keys
     * @param datasetDir a dataset with {@code eval/refs_test.json} (and optionally {@code
     *     eval/types_test.json}, {@code ground_truth.json})
     * @param variants what to train, in table order
     * @return the scores
     */
    public QualityResult run(
            String model, ModelConfig base, Path datasetDir, List<QualityVariant> variants) {
        Path refsFile = datasetDir.resolve("eval").resolve("refs_test.json");
        if (!Files.isRegularFile(refsFile)) {
            throw new UserInputException(
                    datasetDir
                            + " has no eval/refs_test.json (datasets written by 'capstream"
                            + " generate' have one)");
        }
        Path typesFile = datasetDir.resolve("eval").resolve("types_test.json");
        Path truth = datasetDir.resolve("ground_truth.json");
        Scoring scoring =
                new Scoring(
                        CaptionFiles.readReferences(refsFile),
                        refsFile.toString(),
                        Files.isRegularFile(typesFile)
                                ? CaptionFiles.readTypes(typesFile)
                                : Map.of(),
                        Files.isRegularFile(truth) ? Optional.of(truth) : Optional.empty());
        boolean sweep = variants.stream().anyMatch(v -> v.name().equals(QualityVariant.DIFFUSION));
        int work = variants.size() + (sweep ? samplingSteps.size() : 0);
        List<QualityResult.VariantQuality> trained = new ArrayList<>();
        List<QualityResult.StepsQuality> swept = new ArrayList<>();
        try (Progress progress = new Progress("bench quality " + model, work)) {
            for (QualityVariant v : variants) {
                progress.status(v.name());
                Path dir = output.resolve(model).resolve(v.name());
                Path checkpoint = dir.resolve("checkpoint");
                double seconds = train(model, v.apply(base), datasetDir, dir, checkpoint);
                CaptionQuality q =
                        caption(checkpoint, 0, datasetDir, scoring, dir.resolve("hyps_test.json"));
                trained.add(new QualityResult.VariantQuality(v, checkpoint.toString(), seconds, q));
                progress.step();
            }
            if (sweep) {
                Path dir = output.resolve(model).resolve(QualityVariant.DIFFUSION);
                for (int s : samplingSteps) {
                    progress.status("diffusion S=" + s);
                    Path hyps = dir.resolve("hyps_test_S" + s + ".json");
                    swept.add(
                            new QualityResult.StepsQuality(
                                    s,
                                    caption(
                                            dir.resolve("checkpoint"),
                                            s,
                                            datasetDir,
                                            scoring,
                                            hyps)));
                    progress.step();
                }
            }
        }
        int samples = trained.isEmpty() ? 0 : scoring.refs().size();
        return new QualityResult(model, datasetDir.toString(), samples, steps, trained, swept);
    }

    /** References, types and ground truth of the test split. */
    private record Scoring(
            Map<String, List<String>> refs,
            String refsName,
            Map<String, List<String>> types,
            Optional<Path> groundTruth) {}

    /** Trains unless a matching earlier run is on disk; returns seconds (NaN when reused). */
    private double train(
            String model, ModelConfig config, Path datasetDir, Path dir, Path checkpoint) {
        Path record = dir.resolve("training.json");
        try {
            if (!retrain && Files.isRegularFile(record) && Files.isDirectory(checkpoint)) {
                JsonNode earlier = JSON.readTree(record.toFile());
                if (earlier.path("steps").asInt() == steps
                        && JSON.readTree(config.toJson()).equals(earlier.path("config"))) {
                    return earlier.path("seconds").asDouble(Double.NaN);
                }
            }
            Files.createDirectories(dir);
            Files.deleteIfExists(record);
            long start = System.nanoTime();
            trainer.train(model, config, datasetDir, steps, checkpoint);
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("steps", steps);
            r.put("seconds", seconds);
            r.put("config", JSON.readTree(config.toJson()));
            JSON.writeValue(record.toFile(), r);
            return seconds;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write under " + dir, e);
        }
    }

    private CaptionQuality caption(
            Path checkpoint, int samplingSteps, Path datasetDir, Scoring scoring, Path hypsFile) {
        long start = System.nanoTime();
        Map<String, String> hyps;
        try (Captioner captioner = opener.open(checkpoint, samplingSteps)) {
            hyps = DatasetCaptioner.caption(captioner, datasetDir, Split.TEST, batchSize);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try {
            Files.createDirectories(hypsFile.getParent());
            JSON.writeValue(hypsFile.toFile(), hyps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + hypsFile, e);
        }
        CaptionScorer.checkIds(scoring.refs(), hyps, scoring.refsName(), hypsFile.toString());
        CaptionScorer scorer = new CaptionScorer();
        Scores scores = scorer.score(scoring.refs(), hyps);
        Map<String, Scores> byType =
                scoring.types().isEmpty()
                        ? Map.of()
                        : scorer.scoreByType(scoring.refs(), hyps, scoring.types());
        Optional<SemanticAccuracy> semantic =
                scoring.groundTruth().map(gt -> SemanticAccuracy.score(gt, hyps));
        return CaptionQuality.of(scores, byType, semantic, seconds, hypsFile.toString());
    }
}
