package io.capstream.data.imports;

import java.nio.file.Path;

/**
 * Reads one published dataset layout from a directory into records.
 *
 * <p>Readers check what they read: a missing image file, a wrong JSON shape or an entry without
 * captions fails with a {@link io.capstream.util.UserInputException} naming the file and the entry,
 * unless {@link ImportOptions#skipBad()} asks to leave such entries out.
 *
 * @param <T> {@link io.capstream.data.CaptionedPair} or {@link io.capstream.data.CaptionedImage}
 */
public interface DatasetReader<T> {

    /** The layout this reader understands. */
    DatasetFormat format();

    /**
     * Reads the dataset in {@code dir} (the dataset root or, where the layout has one, its {@code
     * data/} sub-directory).
     *
     * @throws io.capstream.util.UserInputException when the dataset cannot be read, or when an
     *     entry is bad and {@code opts.skipBad()} is false
     */
    ImportResult<T> read(Path dir, ImportOptions opts);
}
