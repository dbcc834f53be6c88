package io.capstream.producer;

import io.capstream.schema.avro.ImageData;
import io.capstream.util.UserInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns encoded images into the {@link ImageData} of an event: inline bytes up to {@code
 * producer.inline.max.bytes}, a {@code file:} URI (the claim-check pattern) above it. An image that
 * exists only in memory and is too large to go inline is first written to the spool directory.
 */
public final class ImagePayloads {
    private final long inlineMaxBytes;
    private final Path spoolDir;

    /**
     * @param inlineMaxBytes largest image sent inline
     * @param spoolDir where in-memory images too large to go inline are written; the worker must be
     *     able to read it (same machine or a shared file system)
     */
    public ImagePayloads(long inlineMaxBytes, Path spoolDir) {
        this.inlineMaxBytes = inlineMaxBytes;
        this.spoolDir = spoolDir;
    }

    /** The image in {@code file}: inline when small enough, else by reference to the file. */
    public ImageData fromFile(Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UserInputException("image " + file + " cannot be read: " + e.getMessage());
        }
        if (size <= inlineMaxBytes) {
            return inline(read(file), contentType(file.getFileName().toString()));
        }
        byte[] head = readHead(file);
        return reference(
                file, size, contentType(file.getFileName().toString()), head, sha256(file));
    }

    /**
     * An in-memory image; {@code name} (e.g. "cam-1-0042.png") names the spooled file if needed.
     */
    public ImageData fromBytes(byte[] encoded, String name) {
        String type = contentType(name);
        if (encoded.length <= inlineMaxBytes) {
            return inline(encoded, type);
        }
        try {
            Files.createDirectories(spoolDir);
            Path file = spoolDir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"));
            Files.write(file, encoded);
            return reference(file, encoded.length, type, encoded, hex(digest().digest(encoded)));
        } catch (IOException e) {
            throw new UserInputException(
                    "cannot spool a large image to " + spoolDir + ": " + e.getMessage());
        }
    }

    private static ImageData inline(byte[] bytes, String contentType) {
        int[] wh = dimensions(bytes);
        return ImageData.newBuilder()
                .setContentType(contentType)
                .setBytes(ByteBuffer.wrap(bytes))
                .setSizeBytes(bytes.length)
                .setWidth(wh == null ? null : wh[0])
                .setHeight(wh == null ? null : wh[1])
                .build();
    }

    private static ImageData reference(
            Path file, long size, String contentType, byte[] head, String sha) {
        int[] wh = dimensions(head);
        return ImageData.newBuilder()
                .setContentType(contentType)
                .setUri(file.toAbsolutePath().toUri().toString())
                .setSizeBytes(size)
                .setWidth(wh == null ? null : wh[0])
                .setHeight(wh == null ? null : wh[1])
                .setSha256(sha)
                .build();
    }

    /** MIME type from the file extension; unknown extensions are sent as octet streams. */
    static String contentType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (n.endsWith(".gif")) {
            return "image/gif";
        }
        if (n.endsWith(".bmp")) {
            return "image/bmp";
        }
        return "application/octet-stream";
    }

    /** Width and height from the image header without decoding the pixels; null if unreadable. */
    static int[] dimensions(byte[] encoded) {
        try (ImageInputStream in =
                ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in, true, true);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserInputException("image " + file + " cannot be read: " + e.getMessage());
        }
    }

    /** Enough of the file for any header ImageIO reads to find the dimensions. */
    private static byte[] readHead(Path file) {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            throw new UserInputException("image " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static String sha256(Path file) {
        MessageDigest md = digest();
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new UserInputException("image " + file + " cannot be read: " + e.getMessage());
        }
        return hex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
