package io.capstream.producer;

import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds before/after image pairs in a directory, in one of two ways:
 *
 * <ul>
 *   <li>a manifest {@value #MANIFEST} with lines {@code id,before,after[,source]} (paths relative
 *       to the directory; an optional header line starting with {@code id,}; blank lines and lines
 *       starting with {@code #} ignored);
 *   <li>otherwise the naming convention {@code X_before.EXT} / {@code X_after.EXT} (any image
 *       extension, in any sub-directory): the pair id is {@code X} with its sub-directory.
 * </ul>
 */
public final class PairFiles {
    /** The manifest's file name. */
    public static final String MANIFEST = "pairs.csv";

    private static final String BEFORE = "_before";
    private static final String AFTER = "_after";

    /** One pair; {@code source} is empty unless the manifest names one. */
    public record PairFile(String id, Path before, Path after, Optional<String> source) {}

    private PairFiles() {}

    /**
     * The pairs in {@code dir}, by manifest if there is one, else by file names.
     *
     * @throws UserInputException naming the file or manifest line that does not fit
     */
    public static List<PairFile> list(Path dir) {
        ImageFiles.requireDirectory(dir);
        Path manifest = dir.resolve(MANIFEST);
        return Files.isRegularFile(manifest) ? fromManifest(dir, manifest) : fromNames(dir);
    }

    static List<PairFile> fromManifest(Path dir, Path manifest) {
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException(manifest + " cannot be read: " + e.getMessage());
        }
        List<PairFile> pairs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || (i == 0 && line.startsWith("id,"))) {
                continue;
            }
            String where = manifest + " line " + (i + 1);
            String[] f = line.split(",", -1);
            if (f.length < 3 || f.length > 4) {
                throw new UserInputException(
                        where + ": expected id,before,after[,source], got " + f.length + " fields");
            }
            for (int k = 0; k < f.length; k++) {
                f[k] = f[k].strip();
                if (f[k].isEmpty()) {
                    throw new UserInputException(where + ": field " + (k + 1) + " is empty");
                }
            }
            pairs.add(
                    new PairFile(
                            f[0],
                            existing(dir.resolve(f[1]), where),
                            existing(dir.resolve(f[2]), where),
                            f.length == 4 ? Optional.of(f[3]) : Optional.empty()));
        }
        if (pairs.isEmpty()) {
            throw new UserInputException(manifest + " lists no pair");
        }
        return pairs;
    }

    static List<PairFile> fromNames(Path dir) {
        Map<String, Path> befores = new TreeMap<>();
        Map<String, Path> afters = new TreeMap<>();
        for (Path file : ImageFiles.list(dir)) {
            String id = ImageFiles.id(dir, file);
            if (id.endsWith(BEFORE)) {
                befores.put(id.substring(0, id.length() - BEFORE.length()), file);
            } else if (id.endsWith(AFTER)) {
                afters.put(id.substring(0, id.length() - AFTER.length()), file);
            }
        }
        List<PairFile> pairs = new ArrayList<>();
        for (Map.Entry<String, Path> b : befores.entrySet()) {
            Path a = afters.get(b.getKey());
            if (a == null) {
                throw new UserInputException(
                        b.getValue() + " has no matching " + b.getKey() + AFTER + ".* image");
            }
            pairs.add(new PairFile(b.getKey(), b.getValue(), a, Optional.empty()));
        }
        for (Map.Entry<String, Path> a : afters.entrySet()) {
            if (!befores.containsKey(a.getKey())) {
                throw new UserInputException(
                        a.getValue() + " has no matching " + a.getKey() + BEFORE + ".* image");
            }
        }
        if (pairs.isEmpty()) {
            throw new UserInputException(
                    "--dir "
                            + dir
                            + " holds no pair: name images X_before.png / X_after.png or list"
                            + " them in "
                            + MANIFEST
                            + " (id,before,after[,source])");
        }
        return pairs;
    }

    private static Path existing(Path p, String where) {
        if (!Files.isRegularFile(p)) {
            throw new UserInputException(where + ": image " + p + " does not exist");
        }
        return p;
    }
}
