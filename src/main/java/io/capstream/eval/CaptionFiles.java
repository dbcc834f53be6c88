package io.capstream.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON files of {@code capstream eval}, keeping file order. Every problem is a {@link
 * UserInputException} naming the file and, for a wrong shape, the entry.
 *
 * <ul>
 *   <li>references: {@code {"id": ["caption", ...], ...}}
 *   <li>hypotheses: {@code {"id": "caption", ...}}
 *   <li>types (CLEVR-Change's {@code type_mapping.json}): {@code {"type": ["id", ...], ...}}, ids
 *       may be strings or integers
 * </ul>
 */
public final class CaptionFiles {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private CaptionFiles() {}

    /** Reads references: an object mapping each id to a non-empty list of caption strings. */
    public static Map<String, List<String>> readReferences(Path file) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = readObject(file).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> captions = stringList(file, e.getKey(), e.getValue(), false);
            if (captions.isEmpty()) {
                throw new UserInputException(
                        file + ": entry \"" + e.getKey() + "\" has no reference caption");
            }
            out.put(e.getKey(), captions);
        }
        return out;
    }

    /** Reads hypotheses: an object mapping each id to one caption string. */
    public static Map<String, String> readHypotheses(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = readObject(file).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new UserInputException(
                        file
                                + ": entry \""
                                + e.getKey()
                                + "\" must be a caption string, found "
                                + describe(e.getValue()));
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    /** Reads a type mapping: an object mapping each type to a list of ids. */
    public static Map<String, List<String>> readTypes(Path file) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = readObject(file).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), stringList(file, e.getKey(), e.getValue(), true));
        }
        return out;
    }

    private static JsonNode readObject(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException(file + ": no such file");
        } catch (IOException e) {
            throw new UserInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserInputException(
                    file + ": not valid JSON: " + e.getOriginalMessage() + " " + where(e), e);
        }
        if (root == null || !root.isObject()) {
            throw new UserInputException(
                    file + ": must be a JSON object keyed by id, found " + describe(root));
        }
        return root;
    }

    private static List<String> stringList(
            Path file, String key, JsonNode value, boolean allowIntegers) {
        String expected = allowIntegers ? "a list of ids" : "a list of caption strings";
        if (!value.isArray()) {
            throw new UserInputException(
                    file
                            + ": entry \""
                            + key
                            + "\" must be "
                            + expected
                            + ", found "
                            + describe(value));
        }
        List<String> out = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isTextual() || (allowIntegers && item.isIntegralNumber())) {
                out.add(item.asText());
            } else {
                throw new UserInputException(
                        file
                                + ": entry \""
                                + key
                                + "\" item "
                                + i
                                + " must be "
                                + (allowIntegers ? "an id" : "a caption string")
                                + ", found "
                                + describe(item));
            }
        }
        return out;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : "(line "
                        + e.getLocation().getLineNr()
                        + ", column "
                        + e.getLocation().getColumnNr()
                        + ")";
    }
}
