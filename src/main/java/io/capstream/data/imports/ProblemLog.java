package io.capstream.data.imports;

import io.capstream.util.UserInputException;
import java.util.ArrayList;
import java.util.List;

/** Fails on a bad entry, or, with skip-bad, records it and counts the samples it costs. */
final class ProblemLog {
    private final boolean skipBad;
    private final List<String> problems = new ArrayList<>();
    private int skipped;

    ProblemLog(ImportOptions opts) {
        this.skipBad = opts.skipBad();
    }

    /**
     * Reports a bad entry that costs {@code lostSamples} samples.
     *
     * @throws UserInputException unless skip-bad is on
     */
    void skip(String problem, int lostSamples) {
        if (!skipBad) {
            throw new UserInputException(problem);
        }
        problems.add(problem);
        skipped += lostSamples;
    }

    <T> ImportResult<T> result(List<T> samples, DatasetFormat format) {
        return new ImportResult<>(samples, format, skipped, problems);
    }
}
