package io.capstream.data.imports;

import io.capstream.util.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The directory a dataset is read from. Published tarballs unpack to {@code <root>/data/...}, so a
 * layout is looked for in the given directory and then in its {@code data/} sub-directory. Files
 * are named in messages relative to the directory the user gave.
 */
final class DatasetDir {
    private final Path userDir;
    private final Path root;

    private DatasetDir(Path userDir, Path root) {
        this.userDir = userDir;
        this.root = root;
    }

    /**
     * The directory where {@code isRoot} holds: {@code userDir} or {@code userDir/data}; {@code
     * userDir} when neither does, so that the reader reports the first missing file.
     */
    static DatasetDir locate(Path userDir, Predicate<Path> isRoot) {
        requireDirectory(userDir);
        return find(userDir, isRoot).orElse(new DatasetDir(userDir, userDir));
    }

    /** Like {@link #locate} but empty when the layout is in neither place. */
    static Optional<DatasetDir> find(Path userDir, Predicate<Path> isRoot) {
        if (isRoot.test(userDir)) {
            return Optional.of(new DatasetDir(userDir, userDir));
        }
        Path data = userDir.resolve("data");
        if (Files.isDirectory(data) && isRoot.test(data)) {
            return Optional.of(new DatasetDir(userDir, data));
        }
        return Optional.empty();
    }

    static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + ": no such dataset directory");
        }
    }

    Path root() {
        return root;
    }

    Path resolve(String relative) {
        return root.resolve(relative);
    }

    boolean isFile(String relative) {
        return Files.isRegularFile(resolve(relative));
    }

    /** The first of the candidate paths (relative to the root) that is a file. */
    Optional<Path> firstFile(String... candidates) {
        for (String c : candidates) {
            Path p = resolve(c);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** How a file is named in messages: relative to the directory the user gave, with '/'. */
    String name(Path file) {
        Path rel = file.startsWith(userDir) ? userDir.relativize(file) : file;
        return rel.toString().replace('\\', '/');
    }

    String name(String relative) {
        return name(resolve(relative));
    }
}
