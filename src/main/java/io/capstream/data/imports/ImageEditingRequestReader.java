package io.capstream.data.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.capstream.data.CaptionedPair;
import io.capstream.data.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Image-Editing-Request layout (Tan et al., ACL 2019; {@code dataset/adobe} of
 * airsplay/VisualRelationships):
 *
 * <pre>
 * {train,valid,test}.json  [{"img0": "a.jpg", "img1": "b.jpg", "sents": ["...", ...], "uid": "Reddit_1012"}]
 * images/a.jpg, images/b.jpg   (images next to the JSON files are accepted too)
 * </pre>
 *
 * The id is the uid. Pairs have no change type.
 */
public final class ImageEditingRequestReader implements DatasetReader<CaptionedPair> {

    static List<String> files(Split s) {
        return s == Split.VAL ? List.of("valid.json", "val.json") : List.of(s.id() + ".json");
    }

    static boolean isRoot(Path dir) {
        for (Split s : Split.values()) {
            for (String f : files(s)) {
                if (Files.isRegularFile(dir.resolve(f))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public DatasetFormat format() {
        return DatasetFormat.IMAGE_EDITING_REQUEST;
    }

    @Override
    public ImportResult<CaptionedPair> read(Path dir, ImportOptions opts) {
        DatasetDir d = DatasetDir.locate(dir, ImageEditingRequestReader::isRoot);
        ProblemLog log = new ProblemLog(opts);
        List<CaptionedPair> pairs = new ArrayList<>();
        for (Map.Entry<Split, Path> f :
                SplitFiles.present(d, opts, ImageEditingRequestReader::files).entrySet()) {
            String file = d.name(f.getValue());
            JsonNode entries =
                    JsonInput.requireArray(
                            JsonInput.read(d, f.getValue()),
                            file,
                            "an array of {\"img0\", \"img1\", \"sents\", \"uid\"} objects");
            Set<String> ids = new HashSet<>();
            for (int k = 0; k < entries.size(); k++) {
                try {
                    pairs.add(pair(d, file, k, entries.get(k), f.getKey(), ids));
                } catch (BadEntry bad) {
                    log.skip(bad.getMessage(), 1);
                }
            }
        }
        return log.result(pairs, format());
    }

    private static CaptionedPair pair(
            DatasetDir d, String file, int k, JsonNode entry, Split split, Set<String> ids) {
        String id = entry.isObject() ? JsonInput.id(entry.get("uid")) : null;
        if (id == null) {
            throw new BadEntry(
                    file
                            + ": entry ["
                            + k
                            + "]: expected an object with a string \"uid\", found "
                            + (entry.isObject()
                                    ? "\"uid\": " + JsonInput.describe(entry.get("uid"))
                                    : JsonInput.describe(entry)));
        }
        String where = file + ": entry \"" + id + "\"";
        if (!ids.add(id)) {
            throw new BadEntry(where + ": duplicate uid");
        }
        List<String> captions = CaptionText.fromArray(entry.get("sents"), where);
        Path before = image(d, JsonInput.fileName(entry, "img0", where), where);
        Path after = image(d, JsonInput.fileName(entry, "img1", where), where);
        return new CaptionedPair(id, before, after, captions, split, Optional.empty());
    }

    private static Path image(DatasetDir d, String name, String where) {
        String inImages = "images/" + name;
        return d.firstFile(inImages, name)
                .orElseThrow(
                        () -> new BadEntry(where + ": missing image file " + d.name(inImages)));
    }
}
