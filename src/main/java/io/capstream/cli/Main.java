package io.capstream.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code capstream <command>}. The only place that calls {@link System#exit}. */
@Command(
        name = "capstream",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Kafka-native image captioning and image-pair change captioning.",
        subcommands = {
            CommandLine.HelpCommand.class,
            GenerateCommand.class,
            DatasetCommand.class,
            EvalCommand.class,
            BaselineCommand.class,
            DemoCommand.class,
            TrainCommand.class,
            CaptionCommand.class,
            ModelCommand.class,
            BenchCommand.class,
            WorkerCommand.class,
            TrainerCommand.class,
            ProduceCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new CliErrors());
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
