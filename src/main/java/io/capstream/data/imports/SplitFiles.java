package io.capstream.data.imports;

import io.capstream.data.Split;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Finds the annotation file of each split for layouts with one file per split. */
final class SplitFiles {
    private SplitFiles() {}

    /**
     * The annotation file of each wanted split that exists, in split order. A split asked for by
     * name must have its file; without a split filter at least one file must exist.
     *
     * @param candidates the accepted names of a split's file relative to the root, preferred first
     * @throws UserInputException when a wanted file is missing
     */
    static Map<Split, Path> present(
            DatasetDir d, ImportOptions opts, Function<Split, List<String>> candidates) {
        Map<Split, Path> files = new LinkedHashMap<>();
        List<String> lookedFor = new ArrayList<>();
        for (Split s : Split.values()) {
            if (!opts.includes(s)) {
                continue;
            }
            List<String> names = candidates.apply(s);
            lookedFor.addAll(names);
            Optional<Path> file = d.firstFile(names.toArray(String[]::new));
            if (file.isPresent()) {
                files.put(s, file.get());
            } else if (opts.split().isPresent() && names.isEmpty()) {
                throw new UserInputException(
                        d.root()
                                + ": this layout has no annotation file for split \""
                                + s.id()
                                + "\"");
            } else if (opts.split().isPresent()) {
                throw new UserInputException(
                        d.name(names.get(0))
                                + ": missing annotation file for split \""
                                + s.id()
                                + "\" (looked for "
                                + String.join(", ", names)
                                + " in "
                                + d.root()
                                + ")");
            }
        }
        if (files.isEmpty()) {
            throw new UserInputException(
                    d.root()
                            + ": no annotation file (looked for "
                            + String.join(", ", lookedFor)
                            + ")");
        }
        return files;
    }
}
