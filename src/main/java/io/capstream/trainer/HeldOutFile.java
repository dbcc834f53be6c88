package io.capstream.trainer;

import io.capstream.training.TrainingSample;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The held-out examples of one model, kept in the model store next to its versions ({@code
 * ROOT/<model>/trainer/held-out.bin}) so a restarted trainer validates on the same slice: their
 * records' offsets are committed, so they are never read from Kafka again. Binary: magic, format,
 * count, then per sample its id, image size, images and captions, then a CRC-32 of all of it.
 * Written atomically and fsynced before the offsets are committed.
 */
final class HeldOutFile {
    static final String DIR = "trainer";
    static final String NAME = "held-out.bin";
    private static final int MAGIC = 0x43534831; // "CSH1"
    private static final int FORMAT = 1;

    private final Path file;

    /**
     * @param storeRoot the model store's root
     * @param model the model name
     */
    HeldOutFile(Path storeRoot, String model) {
        this.file = storeRoot.resolve(model).resolve(DIR).resolve(NAME);
    }

    Path path() {
        return file;
    }

    /** Writes the samples, replacing the file atomically and durably. */
    void write(List<TrainingSample> samples) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(samples.size());
            for (TrainingSample s : samples) {
                writeString(out, s.id());
                out.writeInt(s.imageSize());
                out.writeInt(s.images().size());
                for (byte[] image : s.images()) {
                    out.writeInt(image.length);
                    out.write(image);
                }
                out.writeInt(s.captions().size());
                for (String c : s.captions()) {
                    writeString(out, c);
                }
            }
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(crc.getValue());
        }
        Durable.write(file, bytes.toByteArray());
    }

    /**
     * Reads the samples.
     *
     * @return the samples; empty when there is no file yet
     * @throws IOException naming the file when it is unreadable, truncated or corrupt
     */
    List<TrainingSample> read() throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        if (all.length < 8) {
            throw new IOException(file + " is truncated (" + all.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        long stored =
                new DataInputStream(new ByteArrayInputStream(all, all.length - 8, 8)).readLong();
        if (stored != crc.getValue()) {
            throw new IOException(file + " is corrupt (CRC-32 does not match)");
        }
        try (DataInputStream in =
                new DataInputStream(new ByteArrayInputStream(all, 0, all.length - 8))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException(file + " is not a held-out file of this version");
            }
            int n = in.readInt();
            List<TrainingSample> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = readString(in);
                int size = in.readInt();
                int count = in.readInt();
                List<byte[]> images = new ArrayList<>(count);
                for (int k = 0; k < count; k++) {
                    images.add(in.readNBytes(in.readInt()));
                }
                int captions = in.readInt();
                List<String> refs = new ArrayList<>(captions);
                for (int k = 0; k < captions; k++) {
                    refs.add(readString(in));
                }
                out.add(new TrainingSample(id, size, images, refs));
            }
            return out;
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " holds an invalid sample: " + e.getMessage(), e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }
}
