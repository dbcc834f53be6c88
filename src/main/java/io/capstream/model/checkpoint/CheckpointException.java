package io.capstream.model.checkpoint;

import io.capstream.util.UserInputException;
import java.nio.file.Path;

/** A checkpoint directory that is missing, corrupt or does not fit; the message names the path. */
public final class CheckpointException extends UserInputException {
    public CheckpointException(Path path, String problem) {
        super("checkpoint " + path + ": " + problem);
    }

    public CheckpointException(Path path, String problem, Throwable cause) {
        super("checkpoint " + path + ": " + problem, cause);
    }
}
