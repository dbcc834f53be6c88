package io.capstream.data.clevr;

import java.util.Objects;
import java.util.Optional;

/**
 * What a change caption says, independent of its wording: the change type, the object it refers to
 * (absent for no-change) and, for colour and material changes, the canonical new value word.
 */
public record ChangeMeaning(
        ChangeType type, Optional<ObjectAttributes> object, Optional<String> newValue) {
    public ChangeMeaning {
        Objects.requireNonNull(type, "type");
        if (object.isPresent() == (type == ChangeType.NO_CHANGE)) {
            throw new IllegalArgumentException(
                    type.id() + " " + (object.isPresent() ? "cannot" : "must") + " name an object");
        }
        if (newValue.isPresent() != type.hasNewValue()) {
            throw new IllegalArgumentException(
                    type.id() + " " + (newValue.isPresent() ? "cannot" : "must") + " name a value");
        }
    }

    /** The meaning of every no-change caption. */
    public static ChangeMeaning noChange() {
        return new ChangeMeaning(ChangeType.NO_CHANGE, Optional.empty(), Optional.empty());
    }
}
