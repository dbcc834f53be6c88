package io.capstream.cli;

import io.capstream.data.Split;
import io.capstream.producer.DatasetFeed;
import io.capstream.producer.Outgoing;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code capstream produce dataset --dir D}: a generated or imported dataset as events. */
@Command(
        name = "dataset",
        mixinStandardHelpOptions = true,
        description = {
            "Send a generated (capstream generate) or imported dataset (CLEVR-Change, Spot-the-Diff,"
                    + " Image-Editing-Request, COCO layouts; detected) as events: pair datasets to"
                    + " capstream.image-pairs, caption datasets to capstream.images.",
            "With --labeled, send training examples with their reference captions to"
                    + " capstream.labeled-pairs or capstream.labeled-images instead.",
            "The key and source is the dataset format id (e.g. clevr-change)."
        })
public final class ProduceDatasetCommand implements Callable<Integer> {
    @Mixin ConfigOptions config;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The dataset.")
    Path dir;

    @Option(
            names = "--split",
            paramLabel = "SPLIT",
            description = "Only this split: train, val or test (default: all).")
    String split;

    @Option(
            names = "--labeled",
            description = "Send labeled training examples to the labeled topics.")
    boolean labeled;

    @Option(
            names = "--rate",
            defaultValue = "0",
            paramLabel = "N",
            description =
                    "Events per second; 0 sends as fast as possible (default: ${DEFAULT-VALUE}).")
    double rate;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Optional<Split> only;
        try {
            only = split == null ? Optional.empty() : Optional.of(Split.parse(split));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--split: " + e.getMessage());
        }
        try (ProduceRun run = ProduceRun.open(config, dir)) {
            List<Supplier<Outgoing<?>>> events =
                    DatasetFeed.read(dir, only, labeled, run.topics(), run.payloads());
            if (events.isEmpty()) {
                throw new UserInputException(
                        "--dir "
                                + dir
                                + " has no sample"
                                + (split == null ? "" : " in split " + split));
            }
            Iterator<Supplier<Outgoing<?>>> it = events.iterator();
            run.send(
                    labeled ? "produce labeled" : "produce dataset",
                    events.size(),
                    rate,
                    () -> it.next().get(),
                    spec.commandLine().getOut());
        }
        return 0;
    }
}
