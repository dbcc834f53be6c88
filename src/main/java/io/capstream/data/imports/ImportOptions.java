package io.capstream.data.imports;

import io.capstream.data.Split;
import java.util.Optional;

/**
 * How to read a dataset.
 *
 * @param split only read this split; empty reads all splits
 * @param skipBad leave out bad entries (counted and listed in {@link ImportResult}) instead of
 *     failing; problems that make the whole dataset unreadable still fail
 */
public record ImportOptions(Optional<Split> split, boolean skipBad) {

    /** All splits, failing on the first bad entry. */
    public static ImportOptions defaults() {
        return new ImportOptions(Optional.empty(), false);
    }

    /** These options reading only {@code split}. */
    public ImportOptions withSplit(Split split) {
        return new ImportOptions(Optional.of(split), skipBad);
    }

    /** These options with skip-bad on or off. */
    public ImportOptions withSkipBad(boolean skipBad) {
        return new ImportOptions(split, skipBad);
    }

    /** Whether entries of {@code s} are to be read. */
    public boolean includes(Split s) {
        return split.isEmpty() || split.get() == s;
    }
}
