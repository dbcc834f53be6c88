package io.capstream.model;

import io.capstream.util.UserInputException;
import java.util.ArrayList;
import java.util.List;

/** Collects config validation failures so one error names every bad key. */
final class ConfigChecks {
    private final List<String> problems = new ArrayList<>();

    ConfigChecks require(boolean ok, String key, Object value, String problem) {
        if (!ok) {
            problems.add(key + " = " + value + " " + problem);
        }
        return this;
    }

    ConfigChecks notNull(String key, Object value) {
        return require(value != null, key, value, "is missing");
    }

    ConfigChecks positive(String key, int value) {
        return require(value > 0, key, value, "must be > 0");
    }

    ConfigChecks atLeast(String key, int value, int min) {
        return require(value >= min, key, value, "must be ≥ " + min);
    }

    ConfigChecks nonNegative(String key, float value) {
        return require(value >= 0f && Float.isFinite(value), key, value, "must be ≥ 0");
    }

    ConfigChecks fraction(String key, float value, boolean closed) {
        boolean ok = value >= 0f && (closed ? value <= 1f : value < 1f);
        return require(ok, key, value, closed ? "must be in [0, 1]" : "must be in [0, 1)");
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new UserInputException("invalid model config: " + String.join("; ", problems));
        }
    }
}
