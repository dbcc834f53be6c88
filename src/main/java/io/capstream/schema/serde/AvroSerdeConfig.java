package io.capstream.schema.serde;

import io.capstream.schema.registry.RestSchemaRegistryClient;
import io.capstream.schema.registry.RestSchemaRegistryClientBuilder;
import io.capstream.schema.registry.SchemaRegistryClient;
import io.capstream.util.UserInputException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde configuration keys, named as in Confluent's {@code KafkaAvroSerializer} and {@code
 * KafkaAvroDeserializer} so that either implementation reads the same client configuration.
 * Registry client keys may also carry the {@code schema.registry.} prefix, as with Confluent.
 */
public final class AvroSerdeConfig {

    /** Registry base URL(s), comma-separated; required. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    /** {@code USER_INFO} or {@code URL}; default USER_INFO when user info is set, else URL. */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";

    /** {@code USER:PASSWORD} for basic auth. */
    public static final String USER_INFO = "basic.auth.user.info";

    /** Serializer: register a record's schema when it is new (default true). */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    /**
     * Deserializer: fully qualified name (or {@code Class}) of the generated key class; it gives
     * the reader schema. Without it, the class named by the writer schema is used.
     */
    public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";

    /** Deserializer: the generated value class, as {@link #SPECIFIC_AVRO_KEY_TYPE}. */
    public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";

    /** Subject naming; only Confluent's (and our) TopicNameStrategy is supported. */
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

    /** Subject naming of values, as {@link #KEY_SUBJECT_NAME_STRATEGY}. */
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    /** Milliseconds to wait for a connection to the registry (default 10000). */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";

    /** Milliseconds to wait for the answer to one request (default 30000). */
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

    /** Retries after a 5xx or I/O error (default 3). */
    public static final String MAX_RETRIES = "max.retries";

    /** First retry delay in milliseconds, doubled per retry (default 200). */
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";

    /** Largest retry delay in milliseconds (default 5000). */
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

    private static final String CLIENT_NAMESPACE = "schema.registry.";
    private static final Set<String> TOPIC_NAME_STRATEGIES =
            Set.of(
                    TopicNameStrategy.class.getName(),
                    "io.confluent.kafka.serializers.subject.TopicNameStrategy");

    private AvroSerdeConfig() {}

    /** Builds the registry client described by {@code configs}. */
    static SchemaRegistryClient client(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(
                    SCHEMA_REGISTRY_URL + " is required by the capstream Avro serdes");
        }
        String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE);
        String userInfo = string(configs, USER_INFO);
        if (source != null && !Set.of("USER_INFO", "URL").contains(source)) {
            throw new ConfigException(
                    BASIC_AUTH_CREDENTIALS_SOURCE, source, "supported: USER_INFO, URL");
        }
        RestSchemaRegistryClientBuilder b =
                RestSchemaRegistryClient.builder().setUrl(url.toString());
        if ("URL".equals(source)) {
            userInfo = null;
        }
        b.optUserInfo(userInfo);
        b.optConnectTimeout(millis(configs, HTTP_CONNECT_TIMEOUT_MS, 10_000));
        b.optRequestTimeout(millis(configs, HTTP_READ_TIMEOUT_MS, 30_000));
        b.optMaxRetries((int) number(configs, MAX_RETRIES, 3));
        b.optRetryBackoff(
                millis(configs, RETRIES_WAIT_MS, 200), millis(configs, RETRIES_MAX_WAIT_MS, 5000));
        try {
            return b.build();
        } catch (UserInputException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, url, e.getMessage());
        }
    }

    /** Whether the serializer registers new schemas. */
    static boolean autoRegister(Map<String, ?> configs) {
        Object v = configs.get(AUTO_REGISTER_SCHEMAS);
        if (v == null) {
            return true;
        }
        String s = v.toString().strip();
        if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
            throw new ConfigException(AUTO_REGISTER_SCHEMAS, v, "must be true or false");
        }
        return Boolean.parseBoolean(s);
    }

    /** Rejects subject name strategies other than TopicNameStrategy. */
    static void checkSubjectNameStrategy(Map<String, ?> configs, boolean isKey) {
        String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        Object v = configs.get(key);
        String name = v instanceof Class<?> c ? c.getName() : v == null ? null : v.toString();
        if (name != null && !TOPIC_NAME_STRATEGIES.contains(name)) {
            throw new ConfigException(key, name, "only TopicNameStrategy is supported");
        }
    }

    /** The configured generated class for keys or values, or null when none is set. */
    @SuppressWarnings("unchecked")
    static <T extends SpecificRecord> Class<T> recordType(Map<String, ?> configs, boolean isKey) {
        String key = isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE;
        Object v = configs.get(key);
        if (v == null) {
            return null;
        }
        Class<?> c;
        try {
            c = v instanceof Class<?> given ? given : Class.forName(v.toString().strip());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(key, v, "no such class");
        }
        if (!SpecificRecord.class.isAssignableFrom(c)) {
            throw new ConfigException(key, v, "not a generated Avro SpecificRecord class");
        }
        return (Class<T>) c;
    }

    private static Object value(Map<String, ?> configs, String key) {
        Object v = configs.get(key);
        return v != null ? v : configs.get(CLIENT_NAMESPACE + key);
    }

    private static String string(Map<String, ?> configs, String key) {
        Object v = value(configs, key);
        return v == null || v.toString().isEmpty() ? null : v.toString();
    }

    private static long number(Map<String, ?> configs, String key, long orElse) {
        Object v = value(configs, key);
        if (v == null) {
            return orElse;
        }
        try {
            long n =
                    v instanceof Number num
                            ? num.longValue()
                            : Long.parseLong(v.toString().strip());
            if (n < 0) {
                throw new ConfigException(key, v, "must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, v, "not a whole number");
        }
    }

    private static Duration millis(Map<String, ?> configs, String key, long orElse) {
        long ms = number(configs, key, orElse);
        if (ms == 0) {
            throw new ConfigException(key, ms, "must be positive");
        }
        return Duration.ofMillis(ms);
    }
}
