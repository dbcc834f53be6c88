package io.capstream.data.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.capstream.data.CaptionedImage;
import io.capstream.data.Split;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one COCO caption file ({@code {"images": [...], "annotations": [...]}}) of one split. */
final class CocoCaptionFile {
    private CocoCaptionFile() {}

    /**
     * Adds the images of {@code file}, in the order of its {@code "images"} array, to {@code out}.
     *
     * @param imageDirs folders (relative to the root) searched for each {@code file_name}, in order
     */
    static void read(
            DatasetDir d,
            Path file,
            Split split,
            List<String> imageDirs,
            ProblemLog log,
            List<CaptionedImage> out) {
        String name = d.name(file);
        JsonNode root =
                JsonInput.requireObject(
                        JsonInput.read(d, file),
                        name,
                        "a COCO caption object with \"images\" and \"annotations\"");
        JsonNode images =
                JsonInput.requireArray(
                        root.get("images"),
                        name + ": field \"images\"",
                        "an array of {\"id\", \"file_name\"} objects");
        JsonNode annotations =
                JsonInput.requireArray(
                        root.get("annotations"),
                        name + ": field \"annotations\"",
                        "an array of {\"image_id\", \"caption\"} objects");

        Map<String, List<String>> captions = new LinkedHashMap<>();
        for (int k = 0; k < annotations.size(); k++) {
            JsonNode a = annotations.get(k);
            String id = a.isObject() ? JsonInput.id(a.get("image_id")) : null;
            JsonNode caption = a.isObject() ? a.get("caption") : null;
            if (id == null || caption == null || !caption.isTextual()) {
                log.skip(
                        name
                                + ": annotations["
                                + k
                                + "]: expected an object with an \"image_id\""
                                + " and a string \"caption\", found "
                                + JsonInput.describe(a),
                        0);
                continue;
            }
            CaptionText.add(captions.computeIfAbsent(id, i -> new ArrayList<>()), caption.asText());
        }

        Set<String> ids = new HashSet<>();
        for (int k = 0; k < images.size(); k++) {
            JsonNode img = images.get(k);
            String id = img.isObject() ? JsonInput.id(img.get("id")) : null;
            if (id == null) {
                log.skip(
                        name
                                + ": images["
                                + k
                                + "]: expected an object with an integer \"id\", found "
                                + (img.isObject()
                                        ? "\"id\": " + JsonInput.describe(img.get("id"))
                                        : JsonInput.describe(img)),
                        1);
                continue;
            }
            String where = name + ": entry \"" + id + "\"";
            try {
                if (!ids.add(id)) {
                    throw new BadEntry(where + ": duplicate image id");
                }
                List<String> caps = captions.remove(id);
                if (caps == null) {
                    throw new BadEntry(where + ": no captions in \"annotations\"");
                }
                CaptionText.requireSome(caps, where);
                String fileName = JsonInput.fileName(img, "file_name", where);
                Path image = find(d, imageDirs, fileName, where);
                out.add(new CaptionedImage(id, image, caps, split));
            } catch (BadEntry bad) {
                log.skip(bad.getMessage(), 1);
            }
        }
        for (String orphan : captions.keySet()) {
            if (!ids.contains(orphan)) {
                log.skip(
                        name
                                + ": annotations for image_id "
                                + orphan
                                + ": no such image in \"images\"",
                        0);
            }
        }
    }

    static Path find(DatasetDir d, List<String> dirs, String fileName, String where) {
        String[] candidates = dirs.stream().map(dir -> dir + "/" + fileName).toArray(String[]::new);
        return d.firstFile(candidates)
                .orElseThrow(
                        () ->
                                new BadEntry(
                                        where + ": missing image file " + d.name(candidates[0])));
    }
}
