package io.capstream.data.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.capstream.data.CaptionedPair;
import io.capstream.data.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Spot-the-Diff layout (Jhamtani and Berg-Kirkpatrick, EMNLP 2018):
 *
 * <pre>
 * annotations/{train,val,test}.json   [{"img_id": "5406", "sentences": ["...", ...]}, ...]
 * resized_images/5406.png (before), resized_images/5406_2.png (after)
 * </pre>
 *
 * Every sentence describes a different difference; all of them are the pair's references. Some are
 * empty strings in the published files and are dropped. Pairs have no change type.
 */
public final class SpotTheDiffReader implements DatasetReader<CaptionedPair> {
    static final String IMAGES = "resized_images";

    static boolean isRoot(Path dir) {
        return Files.isDirectory(dir.resolve(IMAGES))
                && Arrays.stream(Split.values())
                        .anyMatch(s -> Files.isRegularFile(dir.resolve(annotations(s))));
    }

    static String annotations(Split s) {
        return "annotations/" + s.id() + ".json";
    }

    @Override
    public DatasetFormat format() {
        return DatasetFormat.SPOT_THE_DIFF;
    }

    @Override
    public ImportResult<CaptionedPair> read(Path dir, ImportOptions opts) {
        DatasetDir d = DatasetDir.locate(dir, SpotTheDiffReader::isRoot);
        ProblemLog log = new ProblemLog(opts);
        Map<Split, Path> files = SplitFiles.present(d, opts, s -> List.of(annotations(s)));
        List<CaptionedPair> pairs = new ArrayList<>();
        for (Map.Entry<Split, Path> f : files.entrySet()) {
            Split split = f.getKey();
            String file = d.name(f.getValue());
            JsonNode entries =
                    JsonInput.requireArray(
                            JsonInput.read(d, f.getValue()),
                            file,
                            "an array of {\"img_id\", \"sentences\"} objects");
            Set<String> ids = new HashSet<>();
            for (int k = 0; k < entries.size(); k++) {
                try {
                    pairs.add(pair(d, file, k, entries.get(k), split, ids));
                } catch (BadEntry bad) {
                    log.skip(bad.getMessage(), 1);
                }
            }
        }
        return log.result(pairs, format());
    }

    private static CaptionedPair pair(
            DatasetDir d, String file, int k, JsonNode entry, Split split, Set<String> ids) {
        String id = entry.isObject() ? JsonInput.id(entry.get("img_id")) : null;
        if (id == null) {
            throw new BadEntry(
                    file
                            + ": entry ["
                            + k
                            + "]: expected an object with a string \"img_id\", found "
                            + (entry.isObject()
                                    ? "\"img_id\": " + JsonInput.describe(entry.get("img_id"))
                                    : JsonInput.describe(entry)));
        }
        String where = file + ": entry \"" + id + "\"";
        if (!ids.add(id)) {
            throw new BadEntry(where + ": duplicate img_id");
        }
        List<String> captions = CaptionText.fromArray(entry.get("sentences"), where);
        Path before = image(d, id, where);
        Path after = image(d, id + "_2", where);
        return new CaptionedPair(id, before, after, captions, split, Optional.empty());
    }

    // The published images are PNGs; some tools re-save them as JPEGs.
    private static Path image(DatasetDir d, String stem, String where) {
        String png = IMAGES + "/" + stem + ".png";
        return d.firstFile(png, IMAGES + "/" + stem + ".jpg")
                .orElseThrow(() -> new BadEntry(where + ": missing image file " + d.name(png)));
    }
}
