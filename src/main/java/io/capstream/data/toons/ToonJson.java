package io.capstream.data.toons;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON in a byte-stable form: keys in insertion order, two-space indent, "\n" line ends on every
 * platform, numbers rounded before they are written.
 */
final class ToonJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer =
                new DefaultPrettyPrinter()
                        .withObjectIndenter(indenter)
                        .withArrayIndenter(indenter)
                        .withSeparators(
                                Separators.createDefaultInstance()
                                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        WRITER = MAPPER.writer(printer);
    }

    private ToonJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A generator that writes in the same form as {@link #write}; close it to finish the file. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return WRITER.createGenerator(out);
    }

    static void write(Path file, JsonNode node) throws IOException {
        byte[] bytes = WRITER.writeValueAsBytes(node);
        byte[] withNewline = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, withNewline, 0, bytes.length);
        withNewline[bytes.length] = '\n';
        Files.write(file, withNewline);
    }

    /** Rounds to 3 decimals so that the text does not depend on floating-point noise. */
    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** Rounds to 1 decimal (pixel coordinates). */
    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
