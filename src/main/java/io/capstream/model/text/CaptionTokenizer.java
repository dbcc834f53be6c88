package io.capstream.model.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a caption into words the way the COCO caption tools roughly do (PTB-ish): lower-case,
 * every character that is not a letter, digit or apostrophe becomes a space, apostrophes at word
 * edges are dropped, then split on whitespace. "The man's dog, running!" → [the, man's, dog,
 * running].
 */
public final class CaptionTokenizer {
    private CaptionTokenizer() {}

    /**
     * @param caption free text
     * @return its words, possibly empty
     */
    public static List<String> tokenize(String caption) {
        String lower = caption.toLowerCase(Locale.ROOT);
        StringBuilder clean = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            clean.append(Character.isLetterOrDigit(c) || c == '\'' ? c : ' ');
        }
        List<String> words = new ArrayList<>();
        for (String w : clean.toString().trim().split("\\s+")) {
            String word = stripApostrophes(w);
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String stripApostrophes(String w) {
        int start = 0;
        int end = w.length();
        while (start < end && w.charAt(start) == '\'') {
            start++;
        }
        while (end > start && w.charAt(end - 1) == '\'') {
            end--;
        }
        return w.substring(start, end);
    }
}
