package io.capstream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PtbTokenizerTest {
    private final PtbTokenizer tokenizer = new PtbTokenizer();

    /**
     * Each file holds the real pipeline's output (pycocoevalcap's ptbtokenizer.py with CoreNLP
     * 3.4.1) for its inputs tokenized as one call: the research probes, hand-written probes of
     * every rule, 3000 seeded random strings of tricky fragments and 3000 caption-like sentences.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "tokenizer-probes.json",
                "tokenizer-cases.json",
                "tokenizer-random.json",
                "tokenizer-captions.json"
            })
    void shouldReproduceCoreNlpOutputWhenTokenizingProbeFile(String file) throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/eval/" + file)) {
            for (JsonNode probe : new ObjectMapper().readTree(in)) {
                inputs.add(probe.get("input").asText());
                expected.add(probe.get("output").asText());
            }
        }
        assertTrue(inputs.size() >= 40, file + " has " + inputs.size() + " probes");

        List<String> actual = tokenizer.tokenizeAll(inputs);

        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                mismatches.add(
                        inputs.get(i)
                                + "\n  expected: "
                                + expected.get(i)
                                + "\n  actual:   "
                                + actual.get(i));
            }
        }
        assertEquals(List.of(), mismatches, file);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "THE Red CUBE | the red cube",
                "Ärger İstanbul ΣΑΣ | ärger i̇stanbul σας",
                "a cat's toy isn't it | a cat 's toy is n't it",
                "can't won't cannot gonna | ca n't wo n't can not gon na",
                "I'm you're they'll we've she'd | i 'm you 're they 'll we 've she 'd",
                "the dogs' bones | the dogs bones",
                "it’s don’t | it 's do n't",
                "a (red) [big] {cube} | a -lrb- red -rrb- -lsb- big -rsb- -lcb- cube -rcb-",
                "hello :) | hello :-rrb-",
                "\"quoted\" 'single' “curly” ‘one’ ``tex'' | quoted single curly one tex",
                "a — b – c -- d --- e - f | a b c d e f",
                "dog-- -dog dog- | dog dog dog",
                "wait... what… ok .... x..y word...word | wait what ok x. y word word",
                ";; :: , . ? ! | ''",
                "!!! ?! !! ?? | !!! ?! !! ??",
                "a / b * c & d % e $ f # g | a / b * c & d % e $ f # g",
                "black-and-white x-ray stop-sign | black-and-white x-ray stop-sign",
                "3.5 1,000 10:30 1/2 -5 +5 | 3.5 1,000 10:30 1/2 -5 +5",
                "http://example.com/x a@b.com www.site.org | http://example.com/x a@b.com www.site.org",
                "a/b at&t o'neil AT&T | a/b at & t o'neil at&t",
                "Mr. Smith of the U.S. e.g. etc. | mr. smith of the u.s. e.g. etc.",
                "red. blue. | red blue",
                "$10 5% #1 | $ 10 5 % # 1",
                "£5 €10 ¢50 ½ &amp; | # 5 $ 10 cents 50 1/2 &",
                "colour grey centre | colour grey centre",
                "1 1/2 cups | 1\u00A01/2 cups",
                "emoji 😀 here | emoji here",
                "<b>bold</b> | <b> bold </b>"
            })
    void shouldApplyPtbRuleWhenTokenizingCaption(String input, String expected) {
        assertEquals(expected.equals("''") ? "" : expected, tokenizer.tokenize(input));
    }

    @Test
    void shouldCollapseWhitespaceAndKeepEmptyCaptionsWhenTokenizingBatch() {
        List<String> out =
                tokenizer.tokenizeAll(
                        List.of("", "   ", "Tabs\tand  double\u00A0spaces", "...", "last"));

        assertEquals(List.of("", "", "tabs and double spaces", "", "last"), out);
    }

    @Test
    void shouldKeepLineAlignmentWhenCaptionContainsLineBreaks() {
        List<String> out =
                tokenizer.tokenizeAll(
                        List.of("line one\nline two", "carriage\rreturn", "next\u2028line", "end"));

        assertEquals(List.of("line one line two", "carriage return", "next line", "end"), out);
    }

    @Test
    void shouldLookAtNextCaptionWhenAbbreviationEndsCaption() {
        // CoreNLP keeps "no." before a digit, even across the line end between two captions
        assertEquals(
                List.of("page no.", "5 cubes"),
                tokenizer.tokenizeAll(List.of("page no.", "5 cubes")));
        assertEquals(
                List.of("page no", "cubes"), tokenizer.tokenizeAll(List.of("page no.", "cubes")));
        assertEquals("page no", tokenizer.tokenize("page no."));
    }

    @Test
    void shouldSplitSingleLetterPeriodWhenSentenceStartFollows() {
        assertEquals("the letter c the end", tokenizer.tokenize("the letter c. The end"));
        assertEquals("the letter c. since", tokenizer.tokenize("the letter c. since"));
        assertEquals("in the u.s. the end", tokenizer.tokenize("in the u.s. The end"));
    }

    @Test
    void shouldReturnTokensWhenAskedForList() {
        assertEquals(List.of("ca", "n't"), tokenizer.tokens("Can't!"));
    }
}
