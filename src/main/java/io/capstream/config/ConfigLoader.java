package io.capstream.config;

import io.capstream.util.UserInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Builds a {@link CapstreamConfig} from, in increasing precedence: the defaults, a properties file,
 * environment variables {@code CAPSTREAM_<KEY>} (dots and dashes as underscores, e.g. {@code
 * CAPSTREAM_BOOTSTRAP_SERVERS}) and {@code key=value} overrides from the command line. An unknown
 * key or a bad value stops start-up with a message naming the key and where it came from. This is
 * the only class that reads the environment.
 */
public final class ConfigLoader {
    /** Prefix of the environment variables the loader reads. */
    public static final String ENV_PREFIX = "CAPSTREAM_";

    private final Map<String, Sourced> raw = new LinkedHashMap<>();

    private record Sourced(String value, String origin) {}

    private ConfigLoader() {}

    public static ConfigLoader builder() {
        return new ConfigLoader();
    }

    /** Reads a Java properties file; a missing or unreadable file is an error naming it. */
    public ConfigLoader optFile(Path file) {
        if (file == null) {
            return this;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new UserInputException("config file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException(
                    "config file " + file + " cannot be read: " + e.getMessage());
        }
        p.stringPropertyNames().stream()
                .sorted()
                .forEach(k -> put(k, p.getProperty(k), "file " + file));
        return this;
    }

    /**
     * Variables that share the prefix but belong to the launcher, not to the config: {@code
     * CAPSTREAM_JAVA_OPTS} holds JVM flags for the {@code ./capstream} wrapper script.
     */
    public static final java.util.Set<String> LAUNCHER_VARIABLES =
            java.util.Set.of("CAPSTREAM_JAVA_OPTS");

    /**
     * Takes {@code CAPSTREAM_*} variables from the given environment (normally System.getenv()),
     * except the {@link #LAUNCHER_VARIABLES}.
     */
    public ConfigLoader optEnvironment(Map<String, String> env) {
        env.keySet().stream()
                .filter(k -> k.startsWith(ENV_PREFIX) && !LAUNCHER_VARIABLES.contains(k))
                .sorted()
                .forEach(k -> put(keyForEnv(k), env.get(k), "environment variable " + k));
        return this;
    }

    /** One {@code key=value} override, e.g. from {@code --set worker.max.batch.size=64}. */
    public ConfigLoader optOverride(String keyValue) {
        int eq = keyValue.indexOf('=');
        if (eq <= 0) {
            throw new UserInputException(
                    "config override '" + keyValue + "' is not of the form key=value");
        }
        put(keyValue.substring(0, eq).trim(), keyValue.substring(eq + 1), "command line");
        return this;
    }

    public ConfigLoader optOverrides(Iterable<String> keyValues) {
        keyValues.forEach(this::optOverride);
        return this;
    }

    public CapstreamConfig build() {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> passThrough = new LinkedHashMap<>();
        for (Map.Entry<String, Sourced> e : raw.entrySet()) {
            String name = e.getKey();
            if (!ConfigKeys.ALL.containsKey(name)) {
                if (ConfigKeys.PASS_THROUGH_PREFIXES.stream().anyMatch(name::startsWith)) {
                    passThrough.put(name, e.getValue().value());
                    continue;
                }
                throw new UserInputException(
                        "unknown config key '"
                                + name
                                + "' (from "
                                + e.getValue().origin()
                                + ")"
                                + suggestion(name));
            }
        }
        for (ConfigKey<?> key : ConfigKeys.ALL.values()) {
            Sourced s = raw.getOrDefault(key.name(), new Sourced(key.defaultValue(), "default"));
            try {
                values.put(key.name(), key.parse(s.value()));
            } catch (IllegalArgumentException ex) {
                throw new UserInputException(
                        "config key '"
                                + key.name()
                                + "' (from "
                                + s.origin()
                                + "): "
                                + ex.getMessage());
            }
        }
        return new CapstreamConfig(values, passThrough);
    }

    private void put(String key, String value, String origin) {
        raw.put(key, new Sourced(value, origin));
    }

    /**
     * The config key an environment variable sets, e.g. {@code CAPSTREAM_WORKER_MAX_BATCH_SIZE} →
     * {@code worker.max.batch.size}: the registered key whose dots and dashes read as underscores
     * match, else the name with every underscore read as a dot (how pass-through settings such as
     * {@code CAPSTREAM_KAFKA_COMMON_SECURITY_PROTOCOL} are spelled). Deployment checks use it to
     * read variables exactly as the loader does.
     *
     * @param envName a variable name starting with {@link #ENV_PREFIX}
     * @return the key, which may still be unknown
     */
    public static String keyForEnv(String envName) {
        String rest = envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
        // Underscores are ambiguous (dot or dash); pick the registered key they match, else dots.
        for (String k : ConfigKeys.ALL.keySet()) {
            if (k.replace('.', '_').replace('-', '_').equals(rest)) {
                return k;
            }
        }
        return rest.replace('_', '.');
    }

    private static String suggestion(String name) {
        return ConfigKeys.ALL.keySet().stream()
                .min(Comparator.comparingInt(k -> editDistance(k, name)))
                .filter(k -> editDistance(k, name) <= Math.max(2, name.length() / 4))
                .map(k -> "; did you mean '" + k + "'?")
                .orElse("");
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
