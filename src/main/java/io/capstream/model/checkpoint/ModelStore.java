package io.capstream.model.checkpoint;

import io.capstream.util.UserInputException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Versioned checkpoints: {@code ROOT/<name>/v<version>/} (each a {@link ModelCheckpoint}) and
 * {@code ROOT/<name>/CURRENT}, a text file holding the version that is served. Without CURRENT the
 * highest version is served. Promotion rewrites CURRENT atomically (write a temp file, rename), so
 * a reader sees the old or the new version, never a torn file.
 */
public final class ModelStore {
    /** The file naming the served version of a model. */
    public static final String CURRENT = "CURRENT";

    private static final Pattern VERSION_DIR = Pattern.compile("v([0-9]{1,9})");
    private static final Pattern URI_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

    private final Path root;

    private ModelStore(Path root) {
        this.root = root;
    }

    /**
     * A store at a directory (which need not exist yet).
     *
     * @param root the store's root directory
     * @return the store
     */
    public static ModelStore at(Path root) {
        return new ModelStore(root);
    }

    /**
     * The checkpoints shipped with capstream: {@code <install home>/models}, where the install home
     * is the parent of the directory holding {@code capstream.jar} ({@code target/..} in a
     * checkout, {@code /opt/capstream} in the Docker image; for classes run from {@code
     * target/classes} it is the checkout too).
     *
     * @return the shipped store
     */
    public static ModelStore shipped() {
        try {
            Path code =
                    Path.of(
                            ModelStore.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            Path home = code.toAbsolutePath().getParent().getParent();
            return at(home.resolve("models"));
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the capstream install directory", e);
        }
    }

    /**
     * The store named by the {@code model.store} config value.
     *
     * @param modelStoreKeyValue empty for {@link #shipped()}, a directory path, or a {@code file:}
     *     URI
     * @return the store
     * @throws UserInputException naming {@code model.store} for another URI scheme
     */
    public static ModelStore fromConfig(String modelStoreKeyValue) {
        String value = modelStoreKeyValue == null ? "" : modelStoreKeyValue.strip();
        if (value.isEmpty()) {
            return shipped();
        }
        Matcher scheme = URI_SCHEME.matcher(value);
        if (scheme.find()) {
            if (!scheme.group(1).equalsIgnoreCase("file")) {
                throw new UserInputException(
                        "model.store = "
                                + value
                                + ": scheme '"
                                + scheme.group(1)
                                + "' is not supported (use a directory path or a file: URI)");
            }
            try {
                return at(Path.of(new URI(value)));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new UserInputException(
                        "model.store = "
                                + value
                                + ": not a valid file: URI ("
                                + e.getMessage()
                                + ")",
                        e);
            }
        }
        return at(Path.of(value));
    }

    /** The root directory. */
    public Path root() {
        return root;
    }

    /**
     * The versions of a model that have a directory, ascending.
     *
     * @param name model name
     * @return the versions, empty if none
     */
    public List<Integer> versions(String name) {
        Path dir = root.resolve(checkName(name));
        List<Integer> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path c : (Iterable<Path>) children::iterator) {
                Matcher m = VERSION_DIR.matcher(c.getFileName().toString());
                if (m.matches() && Files.isDirectory(c)) {
                    out.add(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            throw new UserInputException("model store " + dir + " cannot be listed: " + e, e);
        }
        out.sort(null);
        return out;
    }

    /** Names of the models that have at least one version, sorted. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> children = Files.list(root)) {
            for (Path c : (Iterable<Path>) children::iterator) {
                String n = c.getFileName().toString();
                if (Files.isDirectory(c) && !n.startsWith(".") && !versions(n).isEmpty()) {
                    out.add(n);
                }
            }
        } catch (IOException e) {
            throw new UserInputException("model store " + root + " cannot be listed: " + e, e);
        }
        out.sort(null);
        return out;
    }

    /**
     * The served version: CURRENT if present, else the highest version.
     *
     * @param name model name
     * @return the version
     * @throws UserInputException if the model has no version, or CURRENT is unreadable or names a
     *     missing version
     */
    public int current(String name) {
        Path file = root.resolve(checkName(name)).resolve(CURRENT);
        List<Integer> versions = versions(name);
        if (Files.isRegularFile(file)) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UserInputException(file + ": cannot be read: " + e, e);
            }
            int v;
            try {
                v = Integer.parseInt(text.startsWith("v") ? text.substring(1) : text);
            } catch (NumberFormatException e) {
                throw new UserInputException(
                        file + ": expected a version number, found '" + text + "'");
            }
            if (!versions.contains(v)) {
                throw new UserInputException(
                        file + " names version " + v + " but " + path(name, v) + " is missing");
            }
            return v;
        }
        if (versions.isEmpty()) {
            throw new UserInputException(
                    "model store " + root + " has no version of model '" + name + "'");
        }
        return versions.get(versions.size() - 1);
    }

    /**
     * The directory of one version.
     *
     * @param name model name
     * @param version version number
     * @return {@code ROOT/<name>/v<version>}
     */
    public Path path(String name, int version) {
        if (version < 0) {
            throw new IllegalArgumentException("version must be ≥ 0, was " + version);
        }
        return root.resolve(checkName(name)).resolve("v" + version);
    }

    /** One more than the highest version, 1 for a new model. */
    public int nextVersion(String name) {
        List<Integer> v = versions(name);
        return v.isEmpty() ? 1 : v.get(v.size() - 1) + 1;
    }

    /**
     * Makes a version the served one by rewriting CURRENT atomically.
     *
     * @param name model name
     * @param version an existing version
     * @throws UserInputException if that version does not exist
     */
    public void promote(String name, int version) {
        if (!versions(name).contains(version)) {
            throw new UserInputException(
                    "cannot promote "
                            + name
                            + " v"
                            + version
                            + ": "
                            + path(name, version)
                            + " does not exist (versions: "
                            + versions(name)
                            + ")");
        }
        Path dir = root.resolve(name);
        Path tmp = dir.resolve(CURRENT + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.writeString(tmp, version + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(
                        tmp,
                        dir.resolve(CURRENT),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserInputException(
                    "cannot write " + dir.resolve(CURRENT) + ": " + e.getMessage(), e);
        }
    }

    private static String checkName(String name) {
        if (name == null
                || name.isEmpty()
                || name.startsWith(".")
                || name.contains("/")
                || name.contains("\\")) {
            throw new UserInputException("bad model name '" + name + "'");
        }
        return name;
    }

    @Override
    public String toString() {
        return "ModelStore(" + root + ")";
    }
}
