package io.capstream.util;

/**
 * An expected failure caused by input the user gave (a file, an option, a config key). Its message
 * names the input and the problem; the CLI prints it as one line without a stack trace.
 */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
