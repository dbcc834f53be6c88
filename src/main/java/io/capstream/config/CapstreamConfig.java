package io.capstream.config;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A validated, immutable configuration: every known key parsed, plus the Kafka pass-through
 * settings. Built by {@link ConfigLoader}; components read typed values with {@link #get}.
 */
public final class CapstreamConfig {
    private final Map<String, Object> values;
    private final Map<String, String> passThrough;

    CapstreamConfig(Map<String, Object> values, Map<String, String> passThrough) {
        this.values = Map.copyOf(values);
        this.passThrough = Map.copyOf(passThrough);
    }

    /** The defaults only; what tests and embedded runs start from. */
    public static CapstreamConfig defaults() {
        return ConfigLoader.builder().build();
    }

    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        Object v = values.get(key.name());
        if (v == null) {
            throw new IllegalArgumentException("not a registered config key: " + key.name());
        }
        return (T) v;
    }

    /**
     * Kafka client properties for one kind of client ("producer", "consumer", "streams", "admin"):
     * the {@code kafka.common.*} settings overlaid with that kind's own, prefixes removed.
     */
    public Properties kafkaProperties(String clientKind) {
        Properties p = new Properties();
        copyWithPrefix("kafka.common.", p);
        copyWithPrefix("kafka." + clientKind + ".", p);
        return p;
    }

    private void copyWithPrefix(String prefix, Properties into) {
        passThrough.forEach(
                (k, v) -> {
                    if (k.startsWith(prefix)) {
                        into.setProperty(k.substring(prefix.length()), v);
                    }
                });
    }

    /** Every effective setting, secrets masked, sorted: what the worker logs at start-up. */
    public Map<String, String> describe() {
        Map<String, String> out = new TreeMap<>();
        ConfigKeys.ALL.forEach(
                (name, key) ->
                        out.put(
                                name,
                                key.isSecret() && !get(key).toString().isEmpty()
                                        ? "[hidden]"
                                        : String.valueOf(get(key))));
        passThrough.forEach(
                (k, v) ->
                        out.put(k, k.contains("password") || k.contains("jaas") ? "[hidden]" : v));
        return out;
    }
}
