package io.capstream.data.toons;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams {@code ground_truth.json} item by item, so a large dataset's ground truth never has to
 * fit in memory.
 */
final class GroundTruthWriter implements AutoCloseable {
    private final OutputStream out;
    private final JsonGenerator json;

    GroundTruthWriter(Path file) throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(file));
        json = ToonJson.generator(out);
        json.writeStartObject();
        json.writeStringField("kind", ToonGroundTruth.KIND);
        json.writeFieldName("items");
        json.writeStartObject();
    }

    void add(int id, ObjectNode item) throws IOException {
        json.writeFieldName(Integer.toString(id));
        json.writeTree(item);
    }

    @Override
    public void close() throws IOException {
        try (out) {
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
            json.close();
        }
    }
}
