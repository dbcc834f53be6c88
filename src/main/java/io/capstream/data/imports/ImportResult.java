package io.capstream.data.imports;

import java.util.List;

/**
 * What a {@link DatasetReader} read.
 *
 * @param samples the samples, ordered by split (train, val, test) and then as the dataset orders
 *     them, so two reads of the same directory give the same list
 * @param format the layout that was read
 * @param skipped how many samples were left out because of a problem (only with {@link
 *     ImportOptions#skipBad()})
 * @param problems one line per problem found, naming the file and the entry; a problem that costs
 *     no sample (an orphan caption, a bad change-type entry) is listed but not counted in {@code
 *     skipped}
 * @param <T> the sample record
 */
public record ImportResult<T>(
        List<T> samples, DatasetFormat format, int skipped, List<String> problems) {
    public ImportResult {
        samples = List.copyOf(samples);
        problems = List.copyOf(problems);
    }
}
