package io.capstream.data.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads annotation files; a missing or malformed file makes the whole dataset unreadable. */
final class JsonInput {
    private static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonInput() {}

    /**
     * Parses {@code relative} under the dataset root.
     *
     * @throws UserInputException naming the file when it is missing or not valid JSON
     */
    static JsonNode read(DatasetDir dir, String relative) {
        return read(dir, dir.resolve(relative));
    }

    static JsonNode read(DatasetDir dir, Path file) {
        String name = dir.name(file);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(
                    name + ": missing annotation file (looked in " + file.getParent() + ")");
        }
        try {
            JsonNode node = MAPPER.readTree(file.toFile());
            if (node == null || node.isMissingNode()) {
                throw new UserInputException(name + ": malformed JSON: the file is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where =
                    at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new UserInputException(
                    name + ": malformed JSON" + where + ": " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UserInputException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Fails (for the whole dataset) unless the document root is an object. */
    static JsonNode requireObject(JsonNode node, String name, String expected) {
        if (!node.isObject()) {
            throw new UserInputException(
                    name + ": expected " + expected + ", found " + describe(node));
        }
        return node;
    }

    /** Fails (for the whole dataset) unless the node is an array. */
    static JsonNode requireArray(JsonNode node, String name, String expected) {
        if (node == null || !node.isArray()) {
            throw new UserInputException(
                    name + ": expected " + expected + ", found " + describe(node));
        }
        return node;
    }

    /** An id given as a string or an integer, or null for anything else. */
    static String id(JsonNode node) {
        if (node != null && (node.isTextual() || node.isIntegralNumber())) {
            String id = node.asText().strip();
            return id.isEmpty() ? null : id;
        }
        return null;
    }

    /** A file-name field of an entry object. */
    static String fileName(JsonNode entry, String field, String where) {
        JsonNode v = entry.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new BadEntry(
                    where
                            + ": field \""
                            + field
                            + "\": expected a file name, found "
                            + describe(v));
        }
        return v.asText().strip();
    }

    /** How a JSON value is named in messages. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        switch (node.getNodeType()) {
            case OBJECT:
                return "an object";
            case ARRAY:
                return "an array";
            case STRING:
                return "the string " + abbreviate(node.toString());
            case NUMBER:
                return "the number " + node.asText();
            case BOOLEAN:
                return node.asText();
            case NULL:
                return "null";
            default:
                return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ");
    }
}
