package io.capstream.cli;

import io.capstream.model.checkpoint.ModelStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capstream model list|promote}: the versioned checkpoints of a model store. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "List and promote versioned checkpoints in a model store.",
        subcommands = {ModelCommand.ListVersions.class, ModelCommand.Promote.class})
public final class ModelCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** The --store option: a directory or file: URI, default the shipped checkpoints. */
    static final class Store {
        @Option(
                names = "--store",
                defaultValue = "",
                paramLabel = "DIR",
                description = "Model store directory or file: URI (default: the shipped models).")
        String store;

        ModelStore open() {
            return ModelStore.fromConfig(store);
        }
    }

    /** {@code model list}: one line per model: its versions and the served one. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Print each model's versions and the served (CURRENT) version.")
    static final class ListVersions implements Callable<Integer> {
        @CommandLine.Mixin Store store;

        @Override
        public Integer call() {
            ModelStore s = store.open();
            List<String> names = s.names();
            if (names.isEmpty()) {
                System.err.println("model store " + s.root() + " holds no model");
            }
            for (String name : names) {
                StringBuilder line = new StringBuilder(name);
                int current = s.current(name);
                for (int v : s.versions(name)) {
                    line.append(" v").append(v).append(v == current ? "*" : "");
                }
                System.out.println(line);
            }
            return 0;
        }
    }

    /** {@code model promote NAME VERSION}: rewrites CURRENT atomically. */
    @Command(
            name = "promote",
            mixinStandardHelpOptions = true,
            description = "Make VERSION the served version of model NAME (rewrites CURRENT).")
    static final class Promote implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "Model name.")
        String name;

        @Parameters(index = "1", paramLabel = "VERSION", description = "Version (3 or v3).")
        String version;

        @CommandLine.Mixin Store store;

        @Override
        public Integer call() {
            ModelStore s = store.open();
            String v = version.startsWith("v") ? version.substring(1) : version;
            int number;
            try {
                number = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new io.capstream.util.UserInputException(
                        "VERSION '" + version + "' is not a number");
            }
            s.promote(name, number);
            System.err.println("promoted " + name + " v" + number + " in " + s.root());
            return 0;
        }
    }
}
