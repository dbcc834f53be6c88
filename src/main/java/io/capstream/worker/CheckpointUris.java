package io.capstream.worker;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an announced checkpoint is: a {@code file:} URI or a plain path. Workers read checkpoints
 * from a file system they share with the trainer (a volume, NFS); other schemes are not supported.
 */
final class CheckpointUris {
    /** A scheme of two or more characters, so a Windows drive letter is not one. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

    private CheckpointUris() {}

    /**
     * @param uri the {@code checkpointUri} of a model update
     * @return the directory
     * @throws IllegalArgumentException naming the URI and the problem
     */
    static Path resolve(String uri) {
        String value = uri == null ? "" : uri.strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("checkpoint URI is empty");
        }
        Matcher scheme = SCHEME.matcher(value);
        boolean isUri = scheme.find();
        if (isUri && !scheme.group(1).equalsIgnoreCase("file")) {
            throw new IllegalArgumentException(
                    "checkpoint URI "
                            + value
                            + ": scheme '"
                            + scheme.group(1)
                            + "' is not supported (use a file: URI or a path on a file system the"
                            + " workers share)");
        }
        try {
            return isUri ? Path.of(new URI(value)) : Path.of(value);
        } catch (URISyntaxException | IllegalArgumentException e) {
            // IllegalArgumentException: a bad path, or a file: URI with an authority or a query.
            throw new IllegalArgumentException(
                    "checkpoint URI "
                            + value
                            + " is not a valid file: URI or path ("
                            + e.getMessage()
                            + ")",
                    e);
        }
    }
}
