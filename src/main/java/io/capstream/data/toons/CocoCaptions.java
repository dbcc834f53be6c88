package io.capstream.data.toons;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capstream.data.Split;
import java.util.List;

/**
 * Builds COCO caption files: {@code {"info", "licenses", "images": [{"id", "file_name", "width",
 * "height"}], "annotations": [{"id", "image_id", "caption"}]}}. Annotation ids are derived from the
 * image id, so they are unique across splits.
 */
final class CocoCaptions {
    private CocoCaptions() {}

    static ObjectNode create(ToonDatasetConfig config, Split split) {
        ObjectNode root = ToonJson.object();
        ObjectNode info = root.putObject("info");
        info.put("description", "capstream synthetic toon scenes (" + split.id() + " split)");
        info.put("generator", "capstream generate toons");
        info.put("seed", config.seed());
        info.put("size", config.size());
        info.put("images", config.images());
        info.put("val_fraction", config.valFraction());
        info.put("test_fraction", config.testFraction());
        root.putArray("licenses");
        root.putArray("images");
        root.putArray("annotations");
        return root;
    }

    static void add(ObjectNode coco, int id, String fileName, int size, List<String> captions) {
        ObjectNode image = ((ArrayNode) coco.get("images")).addObject();
        image.put("id", id);
        image.put("file_name", fileName);
        image.put("width", size);
        image.put("height", size);
        ArrayNode annotations = (ArrayNode) coco.get("annotations");
        for (int j = 0; j < captions.size(); j++) {
            ObjectNode a = annotations.addObject();
            a.put("id", (long) (id - 1) * ToonCaptioner.CAPTIONS_PER_IMAGE + j + 1);
            a.put("image_id", id);
            a.put("caption", captions.get(j));
        }
    }
}
