package io.capstream.model.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word-level vocabulary built from training captions. Ids: 0 = EOS (also the padding of
 * fixed-length captions, as in SCD-Net), 1 = UNK, then the words by descending frequency, ties
 * alphabetically. Words seen fewer than {@code minCount} times map to UNK.
 */
public final class Vocabulary {
    /** End of sentence and padding. */
    public static final int EOS = 0;

    /** Unknown word. */
    public static final int UNK = 1;

    private static final String EOS_TOKEN = "<eos>";
    private static final String UNK_TOKEN = "<unk>";
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<String> words;
    private final int minCount;
    private final Map<String, Integer> ids = new HashMap<>();

    @JsonCreator
    private Vocabulary(
            @JsonProperty("words") List<String> words, @JsonProperty("minCount") int minCount) {
        if (words == null
                || words.size() < 2
                || !EOS_TOKEN.equals(words.get(EOS))
                || !UNK_TOKEN.equals(words.get(UNK))) {
            throw new IllegalArgumentException(
                    "words must start with " + EOS_TOKEN + ", " + UNK_TOKEN);
        }
        this.words = List.copyOf(words);
        this.minCount = minCount;
        for (int i = 0; i < words.size(); i++) {
            if (ids.put(words.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate word '" + words.get(i) + "'");
            }
        }
    }

    /**
     * Builds the vocabulary of some captions.
     *
     * @param captions training captions (free text)
     * @param minCount minimum number of occurrences for a word to get its own id (≥ 1)
     * @return the vocabulary
     */
    public static Vocabulary build(Iterable<String> captions, int minCount) {
        if (minCount < 1) {
            throw new UserInputException("vocabulary minCount = " + minCount + " must be ≥ 1");
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String caption : captions) {
            for (String w : CaptionTokenizer.tokenize(caption)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<String> kept = new ArrayList<>();
        counts.forEach(
                (w, n) -> {
                    if (n >= minCount && !w.equals(EOS_TOKEN) && !w.equals(UNK_TOKEN)) {
                        kept.add(w);
                    }
                });
        kept.sort(
                (a, b) ->
                        counts.get(a).equals(counts.get(b))
                                ? a.compareTo(b)
                                : Integer.compare(counts.get(b), counts.get(a)));
        List<String> all = new ArrayList<>(List.of(EOS_TOKEN, UNK_TOKEN));
        all.addAll(kept);
        return new Vocabulary(all, minCount);
    }

    /** V, including EOS and UNK. */
    public int size() {
        return words.size();
    }

    /** The minimum count this vocabulary was built with. */
    @JsonProperty("minCount")
    public int minCount() {
        return minCount;
    }

    /** All words by id. */
    @JsonProperty("words")
    public List<String> words() {
        return Collections.unmodifiableList(words);
    }

    /** The id of a (lower-case) word, UNK when unknown. */
    public int id(String word) {
        return ids.getOrDefault(word, UNK);
    }

    /** The word of an id. */
    public String word(int id) {
        if (id < 0 || id >= words.size()) {
            throw new IllegalArgumentException(
                    "token id " + id + " outside vocabulary of " + size());
        }
        return words.get(id);
    }

    /**
     * Encodes a caption to exactly {@code length} ids: its words (truncated to {@code length}),
     * then EOS padding.
     *
     * @param caption free text
     * @param length L
     * @return (L) ids
     */
    public int[] encode(String caption, int length) {
        int[] out = new int[length];
        List<String> tokens = CaptionTokenizer.tokenize(caption);
        for (int i = 0; i < Math.min(length, tokens.size()); i++) {
            out[i] = id(tokens.get(i));
        }
        return out;
    }

    /**
     * Encodes several captions.
     *
     * @param captions free text
     * @param length L
     * @return (B, L) ids
     */
    public int[][] encodeAll(List<String> captions, int length) {
        int[][] out = new int[captions.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = encode(captions.get(i), length);
        }
        return out;
    }

    /**
     * Decodes ids up to the first EOS into space-separated words.
     *
     * @param ids token ids
     * @return the caption
     */
    public String decode(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int id : ids) {
            if (id == EOS) {
                break;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(word(id));
        }
        return sb.toString();
    }

    /** Writes the vocabulary as JSON ({@code {"words": [...], "minCount": n}}). */
    public void save(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /**
     * Reads a file written by {@link #save}.
     *
     * @param file the JSON file
     * @return the vocabulary
     * @throws UserInputException if the file is missing or malformed
     */
    public static Vocabulary load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("vocabulary file " + file + " does not exist");
        }
        try {
            return JSON.readValue(file.toFile(), Vocabulary.class);
        } catch (IOException e) {
            Throwable root = e.getCause() != null ? e.getCause() : e;
            throw new UserInputException(
                    "vocabulary file " + file + " is malformed: " + root.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.words.equals(words) && v.minCount == minCount;
    }

    @Override
    public int hashCode() {
        return words.hashCode() * 31 + minCount;
    }

    @Override
    public String toString() {
        return "Vocabulary("
                + size()
                + " ids: "
                + Arrays.toString(words.stream().limit(8).toArray())
                + (size() > 8 ? " ...)" : ")");
    }
}
