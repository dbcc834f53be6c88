package io.capstream.model.checkpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A checkpoint on disk: a directory of files plus {@code checkpoint.json} with their SHA-256
 * hashes. Writing goes to a sibling temp directory that is renamed into place, so a crash never
 * leaves a half-written checkpoint under the final name; reading verifies every hash, so a corrupt
 * or truncated file is reported with its path instead of producing a silently wrong model.
 */
public final class CheckpointDirectory {
    static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path dir;
    private final CheckpointManifest manifest;

    private CheckpointDirectory(Path dir, CheckpointManifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /**
     * Writes the files the callback creates in a temp directory, then the manifest, then renames.
     */
    public static CheckpointDirectory write(
            Path dir, String modelName, int version, FileWriter writer) {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            deleteRecursively(tmp);
            Files.createDirectories(tmp);
            writer.writeFiles(tmp);
            Map<String, String> hashes = new TreeMap<>();
            try (Stream<Path> files = Files.list(tmp)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f)) {
                        hashes.put(f.getFileName().toString(), sha256(f));
                    }
                }
            }
            CheckpointManifest m =
                    new CheckpointManifest(
                            CheckpointManifest.FORMAT_VERSION,
                            modelName,
                            version,
                            Instant.now().toString(),
                            hashes);
            JSON.writeValue(tmp.resolve(CheckpointManifest.FILE_NAME).toFile(), m);
            deleteRecursively(dir);
            Files.createDirectories(dir.toAbsolutePath().getParent());
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir);
            }
            return new CheckpointDirectory(dir, m);
        } catch (IOException e) {
            throw new CheckpointException(dir, "cannot be written: " + e.getMessage(), e);
        }
    }

    /**
     * Opens and verifies a checkpoint: manifest present and readable, every file's hash matches.
     */
    public static CheckpointDirectory open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException(dir, "is not a directory");
        }
        Path mf = dir.resolve(CheckpointManifest.FILE_NAME);
        if (!Files.isRegularFile(mf)) {
            throw new CheckpointException(dir, "has no " + CheckpointManifest.FILE_NAME);
        }
        CheckpointManifest m;
        try {
            m = JSON.readValue(mf.toFile(), CheckpointManifest.class);
        } catch (IOException e) {
            throw new CheckpointException(
                    dir, CheckpointManifest.FILE_NAME + " is not valid: " + e.getMessage());
        }
        if (m.formatVersion() != CheckpointManifest.FORMAT_VERSION) {
            throw new CheckpointException(
                    dir,
                    "format version "
                            + m.formatVersion()
                            + " is not supported (this build reads "
                            + CheckpointManifest.FORMAT_VERSION
                            + ")");
        }
        if (m.files() == null || m.modelName() == null) {
            throw new CheckpointException(
                    dir, CheckpointManifest.FILE_NAME + " lacks files or modelName");
        }
        for (Map.Entry<String, String> e : m.files().entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                throw new CheckpointException(dir, "file " + e.getKey() + " is missing");
            }
            String actual;
            try {
                actual = sha256(f);
            } catch (IOException ex) {
                throw new CheckpointException(dir, "file " + e.getKey() + " cannot be read", ex);
            }
            if (!actual.equals(e.getValue())) {
                throw new CheckpointException(
                        dir,
                        "file " + e.getKey() + " is corrupt (SHA-256 does not match the manifest)");
            }
        }
        return new CheckpointDirectory(dir, m);
    }

    public Path path() {
        return dir;
    }

    public CheckpointManifest manifest() {
        return manifest;
    }

    /** A file of the checkpoint; it must be listed in the manifest. */
    public Path file(String name) {
        if (!manifest.files().containsKey(name)) {
            throw new CheckpointException(dir, "has no file " + name);
        }
        return dir.resolve(name);
    }

    /** Reads a JSON file of the checkpoint as the given type; errors name the file. */
    public <T> T readJson(String name, Class<T> type) {
        try {
            return JSON.readValue(file(name).toFile(), type);
        } catch (IOException e) {
            throw new CheckpointException(dir, name + " is not valid: " + e.getMessage(), e);
        }
    }

    /** Writes a value as stable, sorted JSON (for use inside {@link FileWriter}). */
    public static void writeJson(Path file, Object value) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }

    /** Creates the files of a checkpoint inside the given (temporary) directory. */
    @FunctionalInterface
    public interface FileWriter {
        void writeFiles(Path dir) throws IOException;
    }

    static String sha256(Path f) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), sha())) {
            MessageDigest md = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(md.digest());
        }
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q :
                    (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        }
    }
}
