package io.capstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code capstream produce ...}: publish events for the workers. */
@Command(
        name = "produce",
        mixinStandardHelpOptions = true,
        description =
                "Publish image and image-pair events (or labeled examples) to the capstream topics"
                        + " of the configured cluster (bootstrap.servers, schema.registry.url).",
        subcommands = {
            ProduceImagesCommand.class,
            ProducePairsCommand.class,
            ProduceDatasetCommand.class,
            ProduceSyntheticCommand.class
        })
public final class ProduceCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
