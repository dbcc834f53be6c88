package io.capstream.deploy;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The YAML documents of one file (several in a multi-document file), each with where it is. */
final class YamlDocs {
    // kubectl and compose reject a key given twice; a parser that kept the last one would hide it.
    private static final ObjectMapper YAML =
            new ObjectMapper(
                    YAMLFactory.builder()
                            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                            .build());

    private YamlDocs() {}

    /**
     * One parsed document.
     *
     * @param source file name and, in a multi-document file, {@code #index}
     * @param file the file it came from (relative files such as compose env files resolve here)
     * @param node the document
     */
    record Doc(String source, Path file, JsonNode node) {
        String kind() {
            return node.path("kind").asText("");
        }

        String name() {
            return node.path("metadata").path("name").asText("");
        }

        /** Where a problem is, e.g. {@code deploy/worker.yaml#0 Deployment capstream-worker}. */
        String where() {
            return kind().isEmpty() ? source : source + " " + kind() + " " + name();
        }
    }

    static List<Doc> load(Path root, Path file) {
        try {
            return parse(
                    root.relativize(file).toString(),
                    file,
                    Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses YAML text; empty documents (comments only) are skipped. */
    static List<Doc> parse(String name, Path file, String text) {
        List<Doc> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
            int i = 0;
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                if (node != null && !node.isMissingNode() && !node.isNull()) {
                    docs.add(new Doc(name + "#" + i, file, node));
                }
                i++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + " is not valid YAML", e);
        }
        return docs;
    }

    /**
     * A compose override file applied to its base file: maps merge key by key, the override's other
     * values (lists, scalars) replace the base's, as {@code docker compose -f a -f b} does for the
     * keys these files use.
     */
    static Doc overlay(Doc base, Doc override) {
        return new Doc(
                base.source() + "+" + override.source(),
                base.file(),
                merge(base.node().deepCopy(), override.node()));
    }

    private static JsonNode merge(JsonNode base, JsonNode override) {
        if (!(base instanceof ObjectNode b) || !override.isObject()) {
            return override.deepCopy();
        }
        override.properties()
                .forEach(
                        e ->
                                b.set(
                                        e.getKey(),
                                        b.has(e.getKey())
                                                ? merge(b.get(e.getKey()), e.getValue())
                                                : e.getValue().deepCopy()));
        return b;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
