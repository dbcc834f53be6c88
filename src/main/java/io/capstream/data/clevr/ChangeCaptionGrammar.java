package io.capstream.data.clevr;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses a change caption back into its {@link ChangeMeaning}. It accepts exactly the language of
 * {@link CaptionTemplates} with any synonyms (after lower-casing and dropping punctuation), and
 * nothing else: a caption that names only some attributes ("the red cube moved") is not parsed,
 * because it does not say which object changed.
 */
public final class ChangeCaptionGrammar {
    private ChangeCaptionGrammar() {}

    /** The meaning of {@code caption}, or empty when it is not a caption this grammar knows. */
    public static Optional<ChangeMeaning> parse(String caption) {
        List<String> words = words(caption);
        for (ChangeType type : ChangeType.values()) {
            for (String template : CaptionTemplates.of(type)) {
                Optional<ChangeMeaning> meaning = match(type, template.split(" "), words);
                if (meaning.isPresent()) {
                    return meaning;
                }
            }
        }
        return Optional.empty();
    }

    /** Lower-cased words with punctuation removed, as the PTB-style evaluation tokenizes. */
    static List<String> words(String caption) {
        String cleaned = caption.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim();
        return cleaned.isEmpty() ? List.of() : Arrays.asList(cleaned.split("\\s+"));
    }

    private static Optional<ChangeMeaning> match(
            ChangeType type, String[] template, List<String> words) {
        int expected = template.length;
        for (String t : template) {
            if (t.equals(CaptionTemplates.OBJECT)) {
                expected += ReferringExpression.WORDS - 1;
            }
        }
        if (expected != words.size()) {
            return Optional.empty();
        }
        Optional<ObjectAttributes> object = Optional.empty();
        Optional<String> value = Optional.empty();
        int at = 0;
        for (String t : template) {
            if (t.equals(CaptionTemplates.OBJECT)) {
                object = ReferringExpression.parse(words, at);
                if (object.isEmpty()) {
                    return Optional.empty();
                }
                at += ReferringExpression.WORDS;
            } else if (t.equals(CaptionTemplates.VALUE)) {
                value = canonicalValue(type, words.get(at++));
                if (value.isEmpty()) {
                    return Optional.empty();
                }
            } else if (!t.equals(words.get(at++))) {
                return Optional.empty();
            }
        }
        return Optional.of(new ChangeMeaning(type, object, value));
    }

    private static Optional<String> canonicalValue(ChangeType type, String word) {
        return switch (type) {
            case COLOR -> AttributeWord.parse(ObjectColor.class, word).map(AttributeWord::word);
            case MATERIAL -> AttributeWord.parse(Material.class, word).map(AttributeWord::word);
            default -> Optional.empty();
        };
    }
}
