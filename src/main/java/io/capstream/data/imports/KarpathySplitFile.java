package io.capstream.data.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.capstream.data.CaptionedImage;
import io.capstream.data.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Karpathy's COCO split file {@code dataset_coco.json}: {@code {"images": [{"filepath":
 * "val2014", "filename", "split", "cocoid", "sentences": [{"raw"}]}]}}. Its {@code restval} split
 * is train, as in the papers that use it.
 */
final class KarpathySplitFile {
    private KarpathySplitFile() {}

    static List<CaptionedImage> read(DatasetDir d, Path file, ImportOptions opts, ProblemLog log) {
        String name = d.name(file);
        JsonNode root =
                JsonInput.requireObject(
                        JsonInput.read(d, file), name, "an object with an \"images\" array");
        JsonNode images =
                JsonInput.requireArray(
                        root.get("images"),
                        name + ": field \"images\"",
                        "an array of {\"filename\", \"split\", \"sentences\"} objects");
        Map<Split, List<CaptionedImage>> bySplit = new EnumMap<>(Split.class);
        Set<String> ids = new HashSet<>();
        for (int k = 0; k < images.size(); k++) {
            JsonNode img = images.get(k);
            String id = null;
            if (img.isObject()) {
                id = JsonInput.id(img.has("cocoid") ? img.get("cocoid") : img.get("imgid"));
            }
            if (id == null) {
                log.skip(
                        name
                                + ": images["
                                + k
                                + "]: expected an object with an integer \"cocoid\","
                                + " found "
                                + JsonInput.describe(img),
                        1);
                continue;
            }
            String where = name + ": entry \"" + id + "\"";
            try {
                Split split = split(img.get("split"), where);
                if (!opts.includes(split)) {
                    continue;
                }
                if (!ids.add(id)) {
                    throw new BadEntry(where + ": duplicate cocoid");
                }
                List<String> captions = captions(img.get("sentences"), where);
                String fileName = JsonInput.fileName(img, "filename", where);
                JsonNode folder = img.get("filepath");
                List<String> dirs =
                        folder != null && folder.isTextual()
                                ? List.of(folder.asText(), "images/" + folder.asText(), "images")
                                : List.of("images");
                Path image = CocoCaptionFile.find(d, dirs, fileName, where);
                bySplit.computeIfAbsent(split, s -> new ArrayList<>())
                        .add(new CaptionedImage(id, image, captions, split));
            } catch (BadEntry bad) {
                log.skip(bad.getMessage(), 1);
            }
        }
        List<CaptionedImage> out = new ArrayList<>();
        bySplit.values().forEach(out::addAll);
        return out;
    }

    private static Split split(JsonNode node, String where) {
        String s = node != null && node.isTextual() ? node.asText() : "";
        if (s.equals("restval")) {
            return Split.TRAIN;
        }
        try {
            return Split.parse(s);
        } catch (IllegalArgumentException e) {
            throw new BadEntry(
                    where
                            + ": field \"split\": unknown split "
                            + JsonInput.describe(node)
                            + " (expected train, restval, val or test)");
        }
    }

    private static List<String> captions(JsonNode sentences, String where) {
        if (sentences == null || !sentences.isArray()) {
            throw new BadEntry(
                    where
                            + ": field \"sentences\": expected an array of {\"raw\"} objects, found "
                            + JsonInput.describe(sentences));
        }
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            JsonNode raw = sentences.get(i).get("raw");
            if (raw == null || !raw.isTextual()) {
                throw new BadEntry(
                        where
                                + ": sentences["
                                + i
                                + "]: expected a string \"raw\", found "
                                + JsonInput.describe(raw));
            }
            CaptionText.add(captions, raw.asText());
        }
        return CaptionText.requireSome(captions, where);
    }
}
