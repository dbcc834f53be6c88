package io.capstream.cli;

import io.capstream.util.UserInputException;
import picocli.CommandLine;

/**
 * Turns expected failures (bad input, bad config) into one line on stderr and exit code 2; anything
 * else is a bug and keeps its stack trace.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
            Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
        if (e instanceof UserInputException) {
            cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return 2;
        }
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": internal error: " + e);
        e.printStackTrace(cl.getErr());
        return 1;
    }
}
