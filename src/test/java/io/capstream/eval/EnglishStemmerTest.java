package io.capstream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnglishStemmerTest {
    @ParameterizedTest
    @CsvSource({
        "dogs, dog",
        "running, run",
        "hoped, hope",
        "hopping, hop",
        "cries, cri",
        "ties, tie",
        "gas, gas",
        "kiwis, kiwi",
        "caresses, caress",
        "ponies, poni",
        "agreed, agre",
        "feed, feed",
        "generously, generous",
        "consolatory, consolatori",
        "luxuriating, luxuri",
        "abilities, abil",
        "knightly, knight",
        "happily, happili",
        "skies, sky",
        "dying, die",
        "news, news",
        "canning, canning",
        "colour, colour",
        "moved, move",
        "changes, chang",
        "sphere, sphere",
        "cylinders, cylind",
        "at, at",
        "by, by"
    })
    void shouldStemLikeSnowballEnglishWhenGivenWord(String word, String stem) {
        assertEquals(stem, EnglishStemmer.stem(word));
    }

    @ParameterizedTest
    @CsvSource({"biologist, biologist", "internal, intern", "evening, even"})
    void shouldKeepPre2019SnowballRulesWhenWordHitsLaterAdditions(String word, String stem) {
        // METEOR 1.5 (2014) bundles the Snowball of its time, before "-ogist" and new R1 prefixes
        assertEquals(stem, EnglishStemmer.stem(word));
    }
}
