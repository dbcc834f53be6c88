package io.capstream.cli;

import io.capstream.producer.SyntheticFeed;
import io.capstream.producer.SyntheticKind;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code capstream produce synthetic}: a steady feed of generated pairs or toon images. */
@Command(
        name = "synthetic",
        mixinStandardHelpOptions = true,
        description = {
            "Send a steady feed of synthetic events rendered on the fly by the dataset generators:"
                    + " CLEVR-Change-like pairs (half with a change, half distractor-only) to"
                    + " capstream.image-pairs, or toon scenes to capstream.images.",
            "Events are spread over 4 sources (cam-0..3, toon-feed-0..3), the record keys."
        })
public final class ProduceSyntheticCommand implements Callable<Integer> {
    @Mixin ConfigOptions config;

    @Option(names = "--kind", required = true, paramLabel = "KIND", description = "pairs or toons.")
    String kind;

    @Option(
            names = "--rate",
            defaultValue = "5",
            paramLabel = "N",
            description = "Events per second (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--duration",
            defaultValue = "60",
            paramLabel = "S",
            description = "Seconds to run; 0 runs until stopped (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(
            names = "--size",
            defaultValue = "64",
            paramLabel = "PX",
            description = "Image side in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(
            names = "--seed",
            defaultValue = "2026",
            description =
                    "Scene seed (default: ${DEFAULT-VALUE}; the generators' defaults are 42 and 1, so"
                            + " the feed shows scenes the models were not trained on).")
    long seed;

    @Option(
            names = "--pool",
            defaultValue = "0",
            paramLabel = "N",
            description =
                    "Pre-render N events and cycle through them (new ids), for rates rendering"
                            + " cannot keep up with; 0 renders every event (default).")
    int pool;

    @Option(
            names = "--id-prefix",
            paramLabel = "TEXT",
            description =
                    "Prefix of the event ids, which are <prefix><kind>-<n> (default: one made of the"
                            + " start time, so runs do not reuse ids).")
    String idPrefix;

    @Option(
            names = "--spool-dir",
            paramLabel = "DIR",
            description =
                    "Where images above producer.inline.max.bytes are written and referenced"
                            + " (default: a capstream-spool directory under java.io.tmpdir).")
    Path spoolDir;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SyntheticKind k = parseKind(kind);
        if (!(rate > 0)) {
            throw new UserInputException("--rate must be > 0, got " + rate);
        }
        if (!(duration >= 0)) {
            throw new UserInputException(
                    "--duration must be >= 0 (0: until stopped), got " + duration);
        }
        if (size < 8 || size > 4096) {
            throw new UserInputException("--size must be in 8..4096, got " + size);
        }
        if (pool < 0) {
            throw new UserInputException("--pool must be >= 0, got " + pool);
        }
        Path spool =
                spoolDir != null
                        ? spoolDir
                        : Path.of(System.getProperty("java.io.tmpdir"), "capstream-spool");
        try (ProduceRun run = ProduceRun.open(config, spool)) {
            SyntheticFeed feed =
                    new SyntheticFeed(
                            k,
                            run.topics(),
                            run.payloads(),
                            seed,
                            size,
                            idPrefix != null
                                    ? idPrefix
                                    : Long.toString(System.currentTimeMillis() / 1000, 36) + "-",
                            pool);
            long total = duration == 0 ? Long.MAX_VALUE : Math.max(1, Math.round(rate * duration));
            run.send("produce " + k.id(), total, rate, feed::next, spec.commandLine().getOut());
        }
        return 0;
    }

    static SyntheticKind parseKind(String kind) {
        for (SyntheticKind k : SyntheticKind.values()) {
            if (k.id().equalsIgnoreCase(kind.strip())) {
                return k;
            }
        }
        throw new UserInputException("--kind must be pairs or toons, got '" + kind + "'");
    }
}
