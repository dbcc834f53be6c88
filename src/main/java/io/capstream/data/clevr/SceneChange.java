package io.capstream.data.clevr;

import java.util.Objects;
import java.util.Optional;

/**
 * The semantic difference between a before and an after scene.
 *
 * @param type what happened
 * @param before the changed object as it is in the before scene (absent for add and no-change)
 * @param after the changed object as it is in the after scene (absent for drop and no-change)
 */
public record SceneChange(
        ChangeType type, Optional<SceneObject> before, Optional<SceneObject> after) {
    public SceneChange {
        Objects.requireNonNull(type, "type");
        boolean needsBefore = type != ChangeType.ADD && type != ChangeType.NO_CHANGE;
        boolean needsAfter = type != ChangeType.DROP && type != ChangeType.NO_CHANGE;
        if (before.isPresent() != needsBefore || after.isPresent() != needsAfter) {
            throw new IllegalArgumentException(
                    type.id() + " change with before=" + before + " after=" + after);
        }
    }

    /** The change of a distractor-only pair. */
    public static SceneChange none() {
        return new SceneChange(ChangeType.NO_CHANGE, Optional.empty(), Optional.empty());
    }

    /** The object the caption refers to: as it was before, or the added object. */
    public Optional<ObjectAttributes> referent() {
        return before.or(() -> after).map(SceneObject::attributes);
    }

    /** The canonical new value word of a colour or material change. */
    public Optional<String> newValue() {
        return switch (type) {
            case COLOR -> after.map(o -> o.attributes().color().word());
            case MATERIAL -> after.map(o -> o.attributes().material().word());
            default -> Optional.empty();
        };
    }

    /** The old value word of a colour or material change. */
    public Optional<String> oldValue() {
        return switch (type) {
            case COLOR -> before.map(o -> o.attributes().color().word());
            case MATERIAL -> before.map(o -> o.attributes().material().word());
            default -> Optional.empty();
        };
    }

    /** What every caption of this change must say. */
    public ChangeMeaning meaning() {
        return new ChangeMeaning(type, referent(), newValue());
    }
}
