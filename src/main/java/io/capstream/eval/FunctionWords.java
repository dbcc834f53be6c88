package io.capstream.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * English function words for METEOR's δ weighting. METEOR 1.5's own list could not be obtained, so
 * this is a standard closed-class list (see {@code eval/meteor-function-words-en.txt}).
 */
final class FunctionWords {
    private static final String RESOURCE = "/eval/meteor-function-words-en.txt";
    private static final Set<String> ENGLISH = load();

    private FunctionWords() {}

    static boolean isFunctionWord(String lowerCaseWord) {
        return ENGLISH.contains(lowerCaseWord);
    }

    static Set<String> english() {
        return ENGLISH;
    }

    private static Set<String> load() {
        try (InputStream in = FunctionWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
