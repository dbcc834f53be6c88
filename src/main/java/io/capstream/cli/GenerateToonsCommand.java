package io.capstream.cli;

import io.capstream.data.Split;
import io.capstream.data.toons.ToonDatasetConfig;
import io.capstream.data.toons.ToonDatasetGenerator;
import io.capstream.util.Progress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capstream generate toons}: writes a synthetic cartoon-captioning dataset. */
@Command(
        name = "toons",
        mixinStandardHelpOptions = true,
        description = {
            "Generates deterministic synthetic toon scenes (the IBA-CD single-image task): cartoon"
                    + " characters with a colour, an action, a count, an optional second character"
                    + " and a setting, each image with 5 reference captions.",
            "Writes images/toon_NNNNNN.png, annotations/captions_{train,val,test}.json (COCO),"
                    + " eval/refs_{train,val,test}.json and ground_truth.json under --out."
        })
public final class GenerateToonsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--images", required = true, description = "Number of images (1 to 999999).")
    int images;

    @Option(names = "--out", required = true, description = "Dataset directory.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--size",
            defaultValue = "64",
            description = "Image width and height in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(
            names = "--val-fraction",
            defaultValue = "0.1",
            description = "Share of images in the val split (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(
            names = "--test-fraction",
            defaultValue = "0.1",
            description = "Share of images in the test split (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(
            names = "--overwrite",
            description = "Replace an earlier dataset in a non-empty --out directory.")
    boolean overwrite;

    @Override
    public Integer call() {
        ToonDatasetConfig config =
                ToonDatasetConfig.builder()
                        .setImages(images)
                        .setOut(out)
                        .optSeed(seed)
                        .optSize(size)
                        .optValFraction(valFraction)
                        .optTestFraction(testFraction)
                        .optOverwrite(overwrite)
                        .build();
        ToonDatasetGenerator.Summary summary;
        try (Progress progress = new Progress("toons", config.images())) {
            summary = ToonDatasetGenerator.generate(config, progress);
        }
        spec.commandLine()
                .getOut()
                .println(
                        String.format(
                                Locale.ROOT,
                                "wrote %d toon images (train %d, val %d, test %d) at %d px to %s in"
                                        + " %.1f s",
                                config.images(),
                                summary.counts().getOrDefault(Split.TRAIN, 0),
                                summary.counts().getOrDefault(Split.VAL, 0),
                                summary.counts().getOrDefault(Split.TEST, 0),
                                config.size(),
                                config.out(),
                                summary.seconds()));
        return 0;
    }
}
