package io.capstream.data.clevr;

import com.fasterxml.jackson.databind.JsonNode;
import io.capstream.data.Split;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ground_truth.json} says each pair shows: the objects of the before scene and the
 * meaning every caption of the pair must have.
 *
 * @param items by pair id ("000123.png", "000123.png_n")
 */
public record GroundTruth(Map<String, Item> items) {
    public GroundTruth {
        items = Map.copyOf(items);
    }

    /**
     * One pair.
     *
     * @param index the scene index
     * @param split its split
     * @param before the attributes of every object in the before scene
     * @param change what changed
     */
    public record Item(
            int index, Split split, List<ObjectAttributes> before, ChangeMeaning change) {
        public Item {
            before = List.copyOf(before);
        }
    }

    /**
     * Reads a file written by {@link ClevrChangeGenerator}; problems name the file and the entry.
     */
    public static GroundTruth read(Path file) {
        JsonNode root;
        try {
            root = StableJson.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UserInputException(
                    "cannot read ground truth " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !GroundTruthJson.KIND.equals(root.path("kind").asText())) {
            throw new UserInputException(
                    "ground truth "
                            + file
                            + " is not a clevr-change ground_truth.json (kind is "
                            + (root == null ? "missing" : root.path("kind"))
                            + ")");
        }
        Map<String, Item> items = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("items").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                items.put(e.getKey(), item(e.getValue()));
            } catch (IllegalArgumentException | NullPointerException ex) {
                throw new UserInputException(
                        "ground truth " + file + ", item " + e.getKey() + ": " + ex.getMessage(),
                        ex);
            }
        }
        return new GroundTruth(items);
    }

    private static Item item(JsonNode node) {
        List<ObjectAttributes> before = new ArrayList<>();
        for (JsonNode o : node.path("before")) {
            before.add(attributes(o));
        }
        JsonNode change = node.path("change");
        String typeId = change.path("type").asText();
        ChangeType type =
                ChangeType.parse(typeId)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "unknown change type '" + typeId + "'"));
        Optional<ObjectAttributes> object =
                change.has("object")
                        ? Optional.of(attributes(change.get("object")))
                        : Optional.empty();
        Optional<String> newValue =
                change.has("new_value")
                        ? Optional.of(change.get("new_value").asText())
                        : Optional.empty();
        return new Item(
                node.path("index").asInt(),
                Split.parse(node.path("split").asText()),
                before,
                new ChangeMeaning(type, object, newValue));
    }

    private static ObjectAttributes attributes(JsonNode o) {
        return new ObjectAttributes(
                word(ObjectSize.class, o, "size"),
                word(ObjectColor.class, o, "color"),
                word(Material.class, o, "material"),
                word(ObjectShape.class, o, "shape"));
    }

    private static <E extends Enum<E> & AttributeWord> E word(
            Class<E> type, JsonNode o, String field) {
        String w = o.path(field).asText();
        return AttributeWord.parse(type, w)
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown " + field + " '" + w + "'"));
    }
}
