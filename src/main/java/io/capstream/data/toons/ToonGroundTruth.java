package io.capstream.data.toons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capstream.data.Split;
import io.capstream.util.UserInputException;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code ground_truth.json} file: {@code {"kind": "toons", "items": {"<image id>": item}}},
 * where an item holds the setting, the count, the group, the second character and its relation to
 * the group ("left_of": the second character is left of the group), and every placed character:
 * role ("group" or "second"), kind, colour, action, {@code x} (horizontal centre) and {@code
 * foot_y} (bottom of the pose) as fractions of the image size, {@code scale} (character height /
 * image size), facing, and {@code bbox} (pixel bounds of the body).
 */
public final class ToonGroundTruth {
    /** The value of the file's "kind" field. */
    public static final String KIND = "toons";

    public static final String FILE_NAME = "ground_truth.json";

    private ToonGroundTruth() {}

    /** The JSON item for one image. */
    static ObjectNode item(String fileName, Split split, ToonScene scene, List<Rectangle2D> boxes) {
        ObjectNode item = ToonJson.object();
        item.put("file_name", fileName);
        item.put("split", split.id());
        item.put("setting", scene.setting().id());
        item.put("count", scene.count());
        item.set("group", actor(scene.group()));
        item.set("second", scene.second().<JsonNode>map(ToonGroundTruth::actor).orElse(null));
        item.put("relation", scene.relation().map(Relation::id).orElse(null));
        ArrayNode characters = item.putArray("characters");
        for (int i = 0; i < scene.figures().size(); i++) {
            Figure f = scene.figures().get(i);
            ObjectNode c = actor(f.actor());
            c.put("role", f.second() ? "second" : "group");
            c.put("x", ToonJson.round3(f.x()));
            c.put("foot_y", ToonJson.round3(f.footY()));
            c.put("scale", ToonJson.round3(f.scale()));
            c.put("facing", f.facingRight() ? "right" : "left");
            Rectangle2D b = boxes.get(i);
            ObjectNode box = c.putObject("bbox");
            box.put("x", ToonJson.round1(b.getX()));
            box.put("y", ToonJson.round1(b.getY()));
            box.put("w", ToonJson.round1(b.getWidth()));
            box.put("h", ToonJson.round1(b.getHeight()));
            characters.add(c);
        }
        return item;
    }

    private static ObjectNode actor(Actor a) {
        ObjectNode n = ToonJson.object();
        n.put("kind", a.kind().id());
        n.put("colour", a.colour().id());
        n.put("action", a.action().id());
        return n;
    }

    /**
     * Reads the meaning of every image in a ground-truth file, keyed by image id.
     *
     * @throws UserInputException if the file is missing, is not a toons ground truth, or has a
     *     malformed item (the message names the file and the image id)
     */
    public static Map<String, ToonMeaning> read(Path file) {
        JsonNode root;
        try {
            root = ToonJson.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UserInputException(
                    "cannot read ground truth " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !KIND.equals(root.path("kind").asText())) {
            throw new UserInputException(
                    file + " is not a toons ground truth (expected \"kind\": \"" + KIND + "\")");
        }
        JsonNode items = root.path("items");
        if (!items.isObject()) {
            throw new UserInputException(file + " has no \"items\" object");
        }
        Map<String, ToonMeaning> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : items.properties()) {
            try {
                out.put(e.getKey(), meaning(e.getValue()));
            } catch (IllegalArgumentException | NullPointerException ex) {
                throw new UserInputException(
                        file + ": item " + e.getKey() + " is malformed: " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    private static ToonMeaning meaning(JsonNode item) {
        Actor group = actorOf(item.get("group"));
        JsonNode second = item.path("second");
        Optional<ToonMeaning.Other> other =
                second.isObject() ? Optional.of(otherOf(actorOf(second))) : Optional.empty();
        Optional<Relation> relation =
                item.path("relation").isTextual()
                        ? Optional.of(Relation.valueOf(upper(item.get("relation").asText())))
                        : Optional.empty();
        if (other.isPresent() != relation.isPresent()) {
            throw new IllegalArgumentException("\"second\" and \"relation\" must come together");
        }
        return new ToonMeaning(
                group.kind(),
                group.colour(),
                group.action(),
                item.get("count").asInt(),
                Setting.valueOf(upper(item.get("setting").asText())),
                other,
                relation);
    }

    private static ToonMeaning.Other otherOf(Actor a) {
        return new ToonMeaning.Other(a.kind(), a.colour(), Optional.of(a.action()));
    }

    private static Actor actorOf(JsonNode n) {
        return new Actor(
                Kind.valueOf(upper(n.get("kind").asText())),
                Colour.valueOf(upper(n.get("colour").asText())),
                Action.valueOf(upper(n.get("action").asText())));
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
