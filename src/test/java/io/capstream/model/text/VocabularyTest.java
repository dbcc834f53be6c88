package io.capstream.model.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.util.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
    private static final List<String> CAPTIONS =
            List.of("The red cube moved.", "the blue cube, changed!", "A red sphere", "the cube");

    @Test
    void shouldLowerCaseAndDropPunctuationWhenTokenizing() {
        assertEquals(
                List.of("the", "man's", "dog", "running", "2", "times"),
                CaptionTokenizer.tokenize("The man's dog, running -- 2 times!"));
        assertEquals(List.of(), CaptionTokenizer.tokenize(" ... "));
    }

    @Test
    void shouldOrderWordsByFrequencyThenAlphabeticallyWhenBuilt() {
        Vocabulary v = Vocabulary.build(CAPTIONS, 1);
        assertEquals(
                List.of(
                        "<eos>", "<unk>", "cube", "the", "red", "a", "blue", "changed", "moved",
                        "sphere"),
                v.words());
        assertEquals(Vocabulary.EOS, v.id("<eos>"));
        assertEquals(Vocabulary.UNK, v.id("purple"));
    }

    @Test
    void shouldMapRareWordsToUnknownWhenBelowMinCount() {
        Vocabulary v = Vocabulary.build(CAPTIONS, 2);
        assertEquals(List.of("<eos>", "<unk>", "cube", "the", "red"), v.words());
        assertArrayEquals(new int[] {3, 1, 2, 0, 0}, v.encode("the blue cube", 5));
    }

    @Test
    void shouldPadWithEosAndTruncateWhenEncodingToFixedLength() {
        Vocabulary v = Vocabulary.build(CAPTIONS, 1);
        assertArrayEquals(new int[] {3, 4, 2, 0, 0, 0}, v.encode("The red cube", 6));
        assertArrayEquals(new int[] {3, 4}, v.encode("The red cube", 2));
        assertEquals("the red cube", v.decode(new int[] {3, 4, 2, 0, 5}));
    }

    @Test
    void shouldRoundTripWhenSavedAndLoaded(@TempDir Path dir) throws Exception {
        Vocabulary v = Vocabulary.build(CAPTIONS, 1);
        Path file = dir.resolve("vocab.json");
        v.save(file);
        assertEquals(v, Vocabulary.load(file));
    }

    @Test
    void shouldNameFileWhenLoadingMalformedVocabulary(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"words\": [\"cat\"], \"minCount\": 1}");
        UserInputException e = assertThrows(UserInputException.class, () -> Vocabulary.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertThrows(UserInputException.class, () -> Vocabulary.load(dir.resolve("missing.json")));
    }
}
