package io.capstream.cli;

import io.capstream.data.Split;
import io.capstream.data.clevr.ClevrChangeGenerator;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code capstream generate clevr-change}: a synthetic CLEVR-Change-like dataset. */
@Command(
        name = "clevr-change",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a synthetic CLEVR-Change-like dataset in the published layout"
                    + " (images/, sc_images/, nsc_images/, change_captions.json,"
                    + " no_change_captions.json, splits.json, type_mapping.json) plus"
                    + " ground_truth.json and eval/refs_*.json, eval/types_*.json.",
            "Each of the N scene indices yields a before picture, an after picture with one"
                    + " semantic change (color, material, add, drop or move, uniformly) and an"
                    + " after picture with only a distractor (small camera shift and/or"
                    + " brightness change), so N indices give 2N captioned pairs."
                    + " Both after pictures get an independent distractor.",
            "The same seed and options give byte-identical files."
        })
final class GenerateClevrChangeCommand implements Callable<Integer> {
    @Option(
            names = "--pairs",
            required = true,
            paramLabel = "N",
            description =
                    "Number of scene indices (each gives a change pair and a no-change pair).")
    int pairs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--size",
            defaultValue = "64",
            paramLabel = "PX",
            description = "Image side in pixels, 32..1024 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(
            names = "--val-fraction",
            defaultValue = "0.1",
            description = "Share of scene indices in val (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(
            names = "--test-fraction",
            defaultValue = "0.1",
            description = "Share of scene indices in test (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(
            names = "--force",
            description = "Replace the dataset files in a non-empty output directory.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        ClevrChangeGenerator generator;
        try {
            generator =
                    ClevrChangeGenerator.builder()
                            .setPairs(pairs)
                            .setOutput(out)
                            .optSeed(seed)
                            .optImageSize(size)
                            .optValFraction(valFraction)
                            .optTestFraction(testFraction)
                            .optOverwrite(force)
                            .build();
        } catch (IllegalArgumentException e) {
            throw new UserInputException("bad option: " + e.getMessage(), e);
        }
        long start = System.nanoTime();
        ClevrChangeGenerator.Summary summary = generator.generate();
        String types =
                summary.changeTypes().entrySet().stream()
                        .map(e -> e.getKey().id() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
        System.out.printf(
                Locale.ROOT,
                "wrote %d pairs (%d scenes x {change, no-change}) to %s in %.1f s%n"
                        + "  change types: %s%n  splits: train %d, val %d, test %d%n",
                2 * summary.scenes(),
                summary.scenes(),
                summary.output(),
                (System.nanoTime() - start) / 1e9,
                types,
                summary.splits().get(Split.TRAIN),
                summary.splits().get(Split.VAL),
                summary.splits().get(Split.TEST));
        return 0;
    }
}
