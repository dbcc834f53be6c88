package io.capstream.data.clevr;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON with a byte-stable format: map keys sorted, two-space indent, "\n" line ends on every
 * platform, a final newline. The same value always gives the same bytes.
 */
final class StableJson {
    static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final ObjectWriter WRITER =
            MAPPER.writer(
                    new DefaultPrettyPrinter()
                            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
                            .withSeparators(
                                    Separators.createDefaultInstance()
                                            .withObjectFieldValueSpacing(
                                                    Separators.Spacing.AFTER)));

    private static final ObjectWriter COMPACT = MAPPER.writer();

    private StableJson() {}

    /** Writes maps, lists, strings and numbers to {@code file}, creating parent folders. */
    static void write(Path file, Object value) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, WRITER.writeValueAsString(value) + "\n");
    }

    /**
     * Writes {@code top} with sorted keys, its nested object {@code key} one compact entry per
     * line: a large file that stays greppable by id.
     */
    static void writeEntryPerLine(Path file, Map<String, ?> top, String key) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        StringBuilder json = new StringBuilder("{");
        String separator = "\n";
        for (Map.Entry<String, ?> e : new TreeMap<>(top).entrySet()) {
            json.append(separator).append("  ").append(COMPACT.writeValueAsString(e.getKey()));
            json.append(": ");
            if (e.getKey().equals(key) && e.getValue() instanceof Map<?, ?> entries) {
                json.append("{");
                String inner = "\n";
                for (Map.Entry<?, ?> entry : new TreeMap<>(entries).entrySet()) {
                    json.append(inner).append("    ");
                    json.append(COMPACT.writeValueAsString(entry.getKey())).append(": ");
                    json.append(COMPACT.writeValueAsString(entry.getValue()));
                    inner = ",\n";
                }
                json.append(entries.isEmpty() ? "}" : "\n  }");
            } else {
                json.append(COMPACT.writeValueAsString(e.getValue()));
            }
            separator = ",\n";
        }
        json.append(top.isEmpty() ? "}\n" : "\n}\n");
        Files.writeString(file, json);
    }
}
