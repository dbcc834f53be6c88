package io.capstream.data.clevr;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The CLEVR-Change change types, plus "no-change" for the distractor-only pairs. */
public enum ChangeType {
    COLOR,
    MATERIAL,
    ADD,
    DROP,
    MOVE,
    NO_CHANGE;

    /** The five semantic types, in the order of the published {@code type_mapping.json}. */
    public static final List<ChangeType> SEMANTIC = List.of(COLOR, MATERIAL, ADD, DROP, MOVE);

    /** The id used in the JSON files: "color", ..., "no-change". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the caption names a new attribute value (colour or material). */
    public boolean hasNewValue() {
        return this == COLOR || this == MATERIAL;
    }

    /** The type with this {@link #id()}, if any. */
    public static Optional<ChangeType> parse(String id) {
        for (ChangeType t : values()) {
            if (t.id().equals(id)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
