package io.capstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code capstream bench}: the benchmarks behind every speed and quality claim. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Benchmarks: diffusion captioning vs the autoregressive baseline of the same size.",
            "Tables go to stdout, progress to stderr."
        },
        subcommands = {
            BenchSpeedCommand.class,
            BenchQualityCommand.class,
            BenchPipelineCommand.class
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
