package io.capstream.data.clevr;

import java.util.List;
import java.util.Optional;

/**
 * An attribute value with the words captions may use for it. The first synonym is the canonical
 * word written to the JSON files; every synonym means exactly this value, so a caption stays fully
 * determined by the pictures whichever synonym it uses.
 */
public interface AttributeWord {
    /** The words for this value, canonical first. */
    List<String> synonyms();

    /** The canonical word, e.g. "metal". */
    default String word() {
        return synonyms().get(0);
    }

    /** The value one of whose synonyms is {@code word}, if any. */
    static <E extends Enum<E> & AttributeWord> Optional<E> parse(Class<E> type, String word) {
        for (E value : type.getEnumConstants()) {
            if (value.synonyms().contains(word)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
