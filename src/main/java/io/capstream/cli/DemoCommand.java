package io.capstream.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code capstream demo}, the README's main command. Until the streaming demo exists it shows the
 * offline half of the product: generate both synthetic datasets, caption their test split with the
 * trivial baseline and evaluate it with the COCO metrics and the semantic checks.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Generate small CLEVR-Change-like and toon datasets, caption their test split with the"
                        + " most-frequent-caption baseline and evaluate it (BLEU, METEOR, ROUGE-L,"
                        + " CIDEr-D, semantic accuracy). The streaming demo replaces this later.")
public final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--out",
            defaultValue = "target/demo",
            description = "working directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--pairs",
            defaultValue = "500",
            description = "CLEVR-Change-like scenes (default: ${DEFAULT-VALUE})")
    int pairs;

    @Option(
            names = "--images",
            defaultValue = "500",
            description = "toon images (default: ${DEFAULT-VALUE})")
    int images;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path clevr = out.resolve("clevr-change");
        Path toons = out.resolve("toons");
        int rc =
                step(
                        "generate",
                        "clevr-change",
                        "--pairs",
                        "" + pairs,
                        "--out",
                        clevr.toString(),
                        "--seed",
                        "" + seed,
                        "--force");
        rc =
                rc != 0
                        ? rc
                        : step(
                                "generate",
                                "toons",
                                "--images",
                                "" + images,
                                "--out",
                                toons.toString(),
                                "--seed",
                                "" + seed,
                                "--overwrite");
        for (Path d : new Path[] {clevr, toons}) {
            if (rc != 0) {
                return rc;
            }
            Path hyps = d.resolve("baseline_hyps_test.json");
            rc =
                    step(
                            "baseline",
                            "--train-refs",
                            d.resolve("eval/refs_train.json").toString(),
                            "--refs",
                            d.resolve("eval/refs_test.json").toString(),
                            "--out",
                            hyps.toString());
            spec.commandLine().getOut().println();
            spec.commandLine()
                    .getOut()
                    .println(
                            "== "
                                    + d.getFileName()
                                    + ": most-frequent-caption baseline on the test split");
            spec.commandLine().getOut().flush();
            if (rc == 0) {
                rc =
                        d == clevr
                                ? step(
                                        "eval",
                                        "--refs",
                                        d.resolve("eval/refs_test.json").toString(),
                                        "--hyps",
                                        hyps.toString(),
                                        "--by-type",
                                        d.resolve("eval/types_test.json").toString(),
                                        "--semantic",
                                        d.resolve("ground_truth.json").toString())
                                : step(
                                        "eval",
                                        "--refs",
                                        d.resolve("eval/refs_test.json").toString(),
                                        "--hyps",
                                        hyps.toString(),
                                        "--semantic",
                                        d.resolve("ground_truth.json").toString());
            }
        }
        return rc;
    }

    private int step(String... args) {
        return Main.newCommandLine().execute(args);
    }
}
