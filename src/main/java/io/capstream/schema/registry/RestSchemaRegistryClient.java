package io.capstream.schema.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API, on {@code
 * java.net.http} and Jackson. Works with Confluent Schema Registry, Apicurio ({@code
 * .../apis/ccompat/v7}), Karapace and Redpanda.
 *
 * <p>Schema ids never change meaning, so id→schema and (subject, schema)→id answers are cached for
 * the client's lifetime; latest versions and compatibility answers are not. Thread-safe.
 *
 * <pre>{@code
 * SchemaRegistryClient registry = RestSchemaRegistryClient.builder()
 *         .setUrl("http://127.0.0.1:8081")
 *         .optUserInfo("user:secret")
 *         .build();
 * int id = registry.register("capstream.images-value", ImageEvent.getClassSchema());
 * }</pre>
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private final RegistryHttp http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

    private record SubjectSchema(String subject, Schema schema) {}

    RestSchemaRegistryClient(RegistryHttp http) {
        this.http = http;
    }

    /** Starts a builder; {@link RestSchemaRegistryClientBuilder#setUrl} is required. */
    public static RestSchemaRegistryClientBuilder builder() {
        return new RestSchemaRegistryClientBuilder();
    }

    @Override
    public int register(String subject, Schema schema) {
        return cachedId(subject, schema, "/subjects/" + encode(subject) + "/versions");
    }

    @Override
    public int idOf(String subject, Schema schema) {
        return cachedId(subject, schema, "/subjects/" + encode(subject));
    }

    private int cachedId(String subject, Schema schema, String path) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = http.send("POST", path, Map.of("schema", schema.toString()));
        int id = requiredInt(answer, "id", path);
        idsBySubjectSchema.putIfAbsent(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        String path = "/schemas/ids/" + id;
        Schema schema = parseAvro(http.send("GET", path, null), path);
        Schema previous = schemasById.putIfAbsent(id, schema);
        return previous != null ? previous : schema;
    }

    @Override
    public SchemaVersion latestVersion(String subject) {
        String path = "/subjects/" + encode(subject) + "/versions/latest";
        JsonNode answer = http.send("GET", path, null);
        return new SchemaVersion(
                answer.path("subject").asText(subject),
                requiredInt(answer, "version", path),
                requiredInt(answer, "id", path),
                parseAvro(answer, path));
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        String path = "/compatibility/subjects/" + encode(subject) + "/versions/latest";
        try {
            JsonNode answer = http.send("POST", path, Map.of("schema", schema.toString()));
            return answer.path("is_compatible").asBoolean(false);
        } catch (SchemaRegistryException e) {
            // Confluent answers 404 for a subject without versions; Apicurio answers true.
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    @Override
    public CompatibilityLevel compatibility() {
        return parseLevel(http.send("GET", "/config", null), "/config");
    }

    @Override
    public CompatibilityLevel compatibility(String subject) {
        String path = "/config/" + encode(subject) + "?defaultToGlobal=true";
        try {
            return parseLevel(http.send("GET", path, null), path);
        } catch (SchemaRegistryException e) {
            // Apicurio answers 40401 for a subject without versions, some servers 40408 for one
            // without its own level: either way the global level applies.
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.SUBJECT_LEVEL_NOT_CONFIGURED) {
                return compatibility();
            }
            throw e;
        }
    }

    @Override
    public void setCompatibility(CompatibilityLevel level) {
        http.send("PUT", "/config", Map.of("compatibility", level.name()));
    }

    @Override
    public void setCompatibility(String subject, CompatibilityLevel level) {
        http.send("PUT", "/config/" + encode(subject), Map.of("compatibility", level.name()));
    }

    private static Schema parseAvro(JsonNode answer, String path) {
        String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw invalidAnswer(path, "schema is " + type + ", not AVRO");
        }
        String text = answer.path("schema").asText(null);
        if (text == null) {
            throw invalidAnswer(path, "no \"schema\" field in " + answer);
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException e) {
            throw invalidAnswer(path, "unparsable Avro schema (" + e.getMessage() + ")");
        }
    }

    private static CompatibilityLevel parseLevel(JsonNode answer, String path) {
        // Confluent answers {"compatibilityLevel": ...}; some servers {"compatibility": ...}.
        String level =
                answer.path("compatibilityLevel").asText(answer.path("compatibility").asText());
        try {
            return CompatibilityLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw invalidAnswer(path, "unknown compatibility level '" + level + "'");
        }
    }

    private static int requiredInt(JsonNode answer, String field, String path) {
        JsonNode value = answer.path(field);
        if (!value.canConvertToInt()) {
            throw invalidAnswer(path, "no integer \"" + field + "\" in " + answer);
        }
        return value.asInt();
    }

    private static SchemaRegistryException invalidAnswer(String path, String problem) {
        return new SchemaRegistryException(
                "schema registry answer to " + path + " is invalid: " + problem, 200, 0, null);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
