package io.capstream.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** JSON mapping of {@link ModelConfig}: every key required, unknown keys rejected by name. */
final class ConfigJson {
    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

    private ConfigJson() {}

    static String toJson(ModelConfig config) {
        try {
            return JSON.writeValueAsString(config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise model config", e);
        }
    }

    static ModelConfig fromJson(String json, String source) {
        try {
            return fromTree(JSON.readTree(json), source);
        } catch (JsonProcessingException e) {
            throw new UserInputException(
                    "model config " + source + ": " + e.getOriginalMessage(), e);
        }
    }

    static ModelConfig withOverrides(ModelConfig config, Map<String, ?> overrides) {
        ObjectNode node = JSON.valueToTree(config);
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            if (!node.has(e.getKey())) {
                throw new UserInputException(
                        "unknown model config key '"
                                + e.getKey()
                                + "' (known: "
                                + ModelConfig.keys()
                                + ")");
            }
            node.set(e.getKey(), JSON.valueToTree(e.getValue()));
        }
        return fromTree(node, "overrides " + overrides.keySet());
    }

    private static ModelConfig fromTree(JsonNode node, String source) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!ModelConfig.keys().contains(key)) {
                throw new UserInputException(
                        "model config " + source + ": unknown key '" + key + "'");
            }
        }
        try {
            return JSON.treeToValue(node, ModelConfig.class);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof UserInputException u) {
                throw new UserInputException("model config " + source + ": " + u.getMessage(), u);
            }
            String key =
                    e instanceof JsonMappingException m && !m.getPath().isEmpty()
                            ? m.getPath().get(m.getPath().size() - 1).getFieldName()
                            : "?";
            String why = e.getOriginalMessage();
            throw new UserInputException(
                    "model config "
                            + source
                            + ": "
                            + (why.startsWith("Missing creator property")
                                    ? "missing key '" + key + "'"
                                    : "bad value for key '" + key + "': " + why.split(";")[0]),
                    e);
        }
    }
}
