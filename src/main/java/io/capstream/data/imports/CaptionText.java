package io.capstream.data.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads reference captions as published: trimmed and whitespace-collapsed, nothing else. */
final class CaptionText {
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private CaptionText() {}

    /** Trims and collapses runs of whitespace to one space; tokenisation happens later. */
    static String clean(String caption) {
        return SPACES.matcher(caption.strip()).replaceAll(" ");
    }

    /**
     * Reads a JSON array of caption strings, dropping blank ones.
     *
     * @param where the file and entry, e.g. {@code change_captions.json: entry "x.png"}
     * @throws BadEntry when the node is not an array of strings or no caption is left
     */
    static List<String> fromArray(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            throw new BadEntry(
                    where
                            + ": expected an array of caption strings, found "
                            + JsonInput.describe(node));
        }
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode c = node.get(i);
            if (!c.isTextual()) {
                throw new BadEntry(
                        where
                                + ": caption ["
                                + i
                                + "]: expected a string, found "
                                + JsonInput.describe(c));
            }
            add(captions, c.asText());
        }
        return requireSome(captions, where);
    }

    /** Adds a cleaned caption unless it is blank. */
    static void add(List<String> captions, String raw) {
        String c = clean(raw);
        if (!c.isEmpty()) {
            captions.add(c);
        }
    }

    static List<String> requireSome(List<String> captions, String where) {
        if (captions.isEmpty()) {
            throw new BadEntry(where + ": empty caption list");
        }
        return captions;
    }
}
