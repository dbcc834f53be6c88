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

    private StableJson() {}

    /** Writes maps, lists, strings and numbers to {@code file}, creating parent folders. */
    static void write(Path file, Object value) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, WRITER.writeValueAsString(value) + "\n");
    }
}
