package io.capstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code capstream generate <dataset>}: writes deterministic synthetic datasets. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description =
                "Generate a deterministic synthetic dataset (same seed and options, same bytes).",
        subcommands = {GenerateClevrChangeCommand.class, GenerateToonsCommand.class})
public final class GenerateCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
