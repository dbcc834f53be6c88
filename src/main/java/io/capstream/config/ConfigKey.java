package io.capstream.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One documented configuration key: its name, type, default and validation. Parsing a value either
 * returns it or throws {@link IllegalArgumentException} with the reason; the loader adds the key
 * and where the value came from.
 *
 * @param <T> the value type
 */
public final class ConfigKey<T> {
    private final String name;
    private final String doc;
    private final String defaultValue;
    private final Function<String, T> parser;
    private final boolean secret;

    private ConfigKey(
            String name,
            String doc,
            String defaultValue,
            Function<String, T> parser,
            boolean secret) {
        this.name = Objects.requireNonNull(name);
        this.doc = Objects.requireNonNull(doc);
        this.defaultValue = Objects.requireNonNull(defaultValue);
        this.parser = parser;
        this.secret = secret;
        parser.apply(defaultValue); // a key whose own default is invalid is a programming error
    }

    public static ConfigKey<String> string(String name, String defaultValue, String doc) {
        return new ConfigKey<>(name, doc, defaultValue, s -> s, false);
    }

    /** A string that is never printed (passwords, user info). */
    public static ConfigKey<String> secret(String name, String doc) {
        return new ConfigKey<>(name, doc, "", s -> s, true);
    }

    public static ConfigKey<Integer> integer(
            String name, int defaultValue, int min, int max, String doc) {
        return new ConfigKey<>(
                name,
                doc,
                Integer.toString(defaultValue),
                s -> (int) parseLong(s.trim(), min, max),
                false);
    }

    public static ConfigKey<Long> longValue(
            String name, long defaultValue, long min, long max, String doc) {
        return new ConfigKey<>(
                name, doc, Long.toString(defaultValue), s -> parseLong(s.trim(), min, max), false);
    }

    /** A finite decimal number in [min, max]. */
    public static ConfigKey<Double> decimal(
            String name, double defaultValue, double min, double max, String doc) {
        return new ConfigKey<>(
                name,
                doc,
                Double.toString(defaultValue),
                s -> {
                    double v;
                    try {
                        v = Double.parseDouble(s.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                "expected a decimal number, got '" + s + "'");
                    }
                    if (!Double.isFinite(v) || v < min || v > max) {
                        throw new IllegalArgumentException(
                                "expected a decimal number in ["
                                        + min
                                        + ", "
                                        + max
                                        + "], got "
                                        + s);
                    }
                    return v;
                },
                false);
    }

    /** A non-empty comma-separated list of distinct values, each one of {@code choices}. */
    public static ConfigKey<List<String>> subset(
            String name, String defaultValue, List<String> choices, String doc) {
        return new ConfigKey<>(
                name,
                doc,
                defaultValue,
                s -> {
                    List<String> out = new ArrayList<>();
                    for (String part : s.split(",", -1)) {
                        String v = part.trim();
                        if (!choices.contains(v)) {
                            throw new IllegalArgumentException(
                                    "expected a comma-separated list of "
                                            + choices
                                            + ", got '"
                                            + s
                                            + "' ('"
                                            + v
                                            + "' is not one of them)");
                        }
                        if (out.contains(v)) {
                            throw new IllegalArgumentException(
                                    "'" + v + "' is listed twice in '" + s + "'");
                        }
                        out.add(v);
                    }
                    return List.copyOf(out);
                },
                false);
    }

    public static ConfigKey<Boolean> bool(String name, boolean defaultValue, String doc) {
        return new ConfigKey<>(
                name,
                doc,
                Boolean.toString(defaultValue),
                s -> {
                    String v = s.trim();
                    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(v);
                    }
                    throw new IllegalArgumentException("expected true or false, got '" + s + "'");
                },
                false);
    }

    public static ConfigKey<String> choice(
            String name, String defaultValue, List<String> choices, String doc) {
        return new ConfigKey<>(
                name,
                doc,
                defaultValue,
                s -> {
                    if (!choices.contains(s.trim())) {
                        throw new IllegalArgumentException(
                                "expected one of " + choices + ", got '" + s + "'");
                    }
                    return s.trim();
                },
                false);
    }

    private static long parseLong(String s, long min, long max) {
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected an integer, got '" + s + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(
                    "expected an integer in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    public String name() {
        return name;
    }

    public String doc() {
        return doc;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean isSecret() {
        return secret;
    }

    T parse(String raw) {
        return parser.apply(raw);
    }
}
