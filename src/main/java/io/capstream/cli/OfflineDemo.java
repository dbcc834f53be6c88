package io.capstream.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code capstream demo --offline}: the offline half of the product without Kafka. Generates both
 * synthetic datasets, captions their test split with the most-frequent-caption baseline and
 * evaluates it with the COCO metrics and the semantic checks.
 */
final class OfflineDemo {
    private OfflineDemo() {}

    static int run(Path out, int pairs, int images, long seed, PrintWriter stdout) {
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
            stdout.println();
            stdout.println(
                    "== " + d.getFileName() + ": most-frequent-caption baseline on the test split");
            stdout.flush();
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

    private static int step(String... args) {
        return Main.newCommandLine().execute(args);
    }
}
