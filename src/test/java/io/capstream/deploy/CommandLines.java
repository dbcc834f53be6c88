package io.capstream.deploy;

import io.capstream.cli.Main;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Checks {@code capstream} argument lists in the files against the real picocli command tree. */
final class CommandLines {

    /**
     * Subcommands the files use that other branches are still writing; an argument list that starts
     * with one of these paths is accepted unchecked until its branch is merged. Empty now: {@code
     * worker}, {@code produce} and {@code trainer} exist, so every argument list, options included,
     * is parsed by picocli. An entry naming a merged command fails a test.
     */
    static final Set<String> PENDING = Set.of();

    private CommandLines() {}

    /** The real command tree, fresh for every parse (picocli keeps parse state). */
    static CommandLine tree() {
        return new CommandLine(new Main());
    }

    /**
     * The problems of one argument list: empty when picocli parses it down to a subcommand, or when
     * it starts with a pending path.
     */
    static List<String> problems(String where, List<String> args, Set<String> pending) {
        List<String> words = leadingWords(args);
        for (String p : pending) {
            List<String> path = List.of(p.split(" "));
            if (!resolves(path) && startsWith(words, path)) {
                return List.of();
            }
        }
        if (words.isEmpty()) {
            return List.of(where + ": runs capstream " + args + " without a subcommand");
        }
        try {
            CommandLine.ParseResult r = tree().parseArgs(args.toArray(String[]::new));
            while (r.hasSubcommand()) {
                r = r.subcommand();
            }
            if (!r.commandSpec().subcommands().isEmpty()) {
                return List.of(
                        where
                                + ": 'capstream "
                                + String.join(" ", args)
                                + "' names a command group without one of its subcommands "
                                + r.commandSpec().subcommands().keySet());
            }
            return List.of();
        } catch (ParameterException e) {
            return List.of(
                    where + ": 'capstream " + String.join(" ", args) + "': " + e.getMessage());
        }
    }

    /** Whether a subcommand path exists in the real tree, e.g. {@code [produce, synthetic]}. */
    static boolean resolves(List<String> path) {
        CommandLine c = tree();
        for (String w : path) {
            c = c.getSubcommands().get(w);
            if (c == null) {
                return false;
            }
        }
        return true;
    }

    private static List<String> leadingWords(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("-")) {
                break;
            }
            out.add(a);
        }
        return out;
    }

    private static boolean startsWith(List<String> words, List<String> path) {
        return words.size() >= path.size() && words.subList(0, path.size()).equals(path);
    }
}
