package io.capstream.producer;

import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Finds the image files under a directory (PNG, JPEG, GIF, BMP), in a stable order. */
public final class ImageFiles {
    /** File extensions taken for images, lower case. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    private ImageFiles() {}

    /**
     * Every image file under {@code dir}, recursively, sorted by path.
     *
     * @throws UserInputException when {@code dir} is not a readable directory or holds no image
     */
    public static List<Path> list(Path dir) {
        requireDirectory(dir);
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files =
                    walk.filter(Files::isRegularFile).filter(ImageFiles::isImage).sorted().toList();
            if (files.isEmpty()) {
                throw new UserInputException(
                        "--dir "
                                + dir
                                + " holds no image file ("
                                + String.join(", ", EXTENSIONS.stream().sorted().toList())
                                + ")");
            }
            return files;
        } catch (IOException e) {
            throw new UserInputException("--dir " + dir + " cannot be read: " + e.getMessage());
        }
    }

    /** The event id of an image: its path under the directory, without extension. */
    public static String id(Path dir, Path file) {
        String rel = dir.relativize(file).toString().replace('\\', '/');
        int dot = rel.lastIndexOf('.');
        return dot > 0 ? rel.substring(0, dot) : rel;
    }

    static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1));
    }

    static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("--dir " + dir + " is not a directory");
        }
    }
}
