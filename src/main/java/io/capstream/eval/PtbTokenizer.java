package io.capstream.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Tokenizes captions exactly as pycocoevalcap's {@code PTBTokenizer} wrapper does: the captions of
 * one call are joined with newlines and run through CoreNLP 3.4.1's {@code PTBTokenizer
 * -preserveLines -lowerCase}; every token equal to one of pycocoevalcap's {@code PUNCTUATIONS} is
 * dropped and the rest joined with single spaces.
 *
 * <p>This is a self-contained reimplementation (CoreNLP is GPL-licensed), checked against the real
 * tokenizer's output in the tests. Quirks it keeps on purpose: brackets survive as {@code -lrb-},
 * {@code -rrb-}, ... because the filter lists them in upper case; clitics are split ({@code ca
 * n't}, {@code dog 's}); abbreviations keep their period; fractions and spaced numbers join with a
 * no-break space; characters the real lexer cannot tokenize (e.g. emoji) vanish. Because CoreNLP's
 * rules look past line ends (e.g. {@code no.} keeps its period when the next caption starts with a
 * digit), {@link #tokenizeAll} must be given the captions of one pycocoevalcap call, in order.
 *
 * <p>Deliberate differences: CoreNLP also ends lines at {@code \r}, {@code \u000B}, {@code \u000C},
 * {@code \u0085}, {@code \u2028} and {@code \u2029}, which silently shifts every later caption onto
 * the wrong image in pycocoevalcap; here they are plain spaces. CoreNLP occasionally prints an
 * empty token before a URL far into a long input (a lexer buffer artefact) which is not reproduced.
 * Instances are stateless and thread-safe.
 */
public final class PtbTokenizer {
    /**
     * pycocoevalcap's {@code PUNCTUATIONS}; the upper-case entries never match lower-cased text.
     */
    static final Set<String> PUNCTUATIONS =
            Set.of(
                    "''", "'", "``", "`", "-LRB-", "-RRB-", "-LCB-", "-RCB-", ".", "?", "!", ",",
                    ":", "-", "--", "...", ";");

    /** Words that a pushback rule splits ("cannot" gives "can not"). */
    private static final Set<String> SPLIT_WORDS =
            Set.of("cannot", "gonna", "gotta", "lemme", "gimme", "wanna");

    /** Line ends other than {@code \n} that CoreNLP knows; here they become plain spaces. */
    private static final String OTHER_LINE_ENDS = "[\r\u000B\u000C\u0085\u2028\u2029]";

    /** Tokenizes one caption on its own (as a pycocoevalcap call with a single caption). */
    public String tokenize(String caption) {
        return tokenizeAll(List.of(caption)).get(0);
    }

    /**
     * Tokenizes the captions of one pycocoevalcap tokenizer call, in order.
     *
     * @return one tokenized caption per input caption: tokens joined by single spaces, possibly
     *     empty
     */
    public List<String> tokenizeAll(List<String> captions) {
        List<String> out = new ArrayList<>(captions.size());
        for (List<String> tokens : tokensAll(captions)) {
            out.add(String.join(" ", tokens));
        }
        return out;
    }

    /** The tokens of one caption tokenized on its own, after filtering and lower-casing. */
    public List<String> tokens(String caption) {
        return tokensAll(List.of(caption)).get(0);
    }

    private static List<List<String>> tokensAll(List<String> captions) {
        List<List<String>> out = new ArrayList<>(captions.size());
        for (List<String> line : lexLines(captions)) {
            List<String> kept = new ArrayList<>(line.size());
            for (String token : line) {
                String lower = token.toLowerCase(Locale.ROOT);
                if (!PUNCTUATIONS.contains(lower)) {
                    kept.add(lower);
                }
            }
            out.add(kept);
        }
        return out;
    }

    /** Raw PTB tokens of each caption, before lower-casing and filtering. */
    static List<List<String>> lexLines(List<String> captions) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < captions.size(); i++) {
            if (i > 0) {
                joined.append('\n');
            }
            joined.append(captions.get(i).replace('\n', ' ').replaceAll(OTHER_LINE_ENDS, " "));
        }
        List<List<String>> lines = new ArrayList<>(captions.size());
        lines.add(new ArrayList<>());
        lex(joined.toString(), lines);
        return lines;
    }

    /**
     * Fast path for the common token: a run of ASCII letters followed by a space, a tab, a line end
     * or the end of the text can only lex as that word, except for the words CoreNLP splits.
     * Returns the end of such a run, or -1.
     */
    private static int plainWordEnd(String text, int pos) {
        int end = pos;
        while (end < text.length() && isAsciiLetter(text.charAt(end))) {
            end++;
        }
        if (end == pos) {
            return -1;
        }
        if (end < text.length()) {
            char next = text.charAt(end);
            if (next != ' ' && next != '\t' && next != '\n') {
                return -1;
            }
        }
        if (end - pos >= 5
                && SPLIT_WORDS.contains(text.substring(pos, end).toLowerCase(Locale.ROOT))) {
            return -1;
        }
        return end;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static void lex(String text, List<List<String>> lines) {
        List<Matcher> matchers = new ArrayList<>(PtbRules.RULES.size());
        for (LexRule rule : PtbRules.RULES) {
            matchers.add(rule.matcher(text));
        }
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            if (c == '\n') {
                lines.add(new ArrayList<>());
                pos++;
                continue;
            }
            if (c == ' ' || c == '\t') {
                pos++;
                continue;
            }
            int word = plainWordEnd(text, pos);
            if (word > 0) {
                lines.get(lines.size() - 1).add(text.substring(pos, word));
                pos = word;
                continue;
            }
            int bestRule = -1;
            int bestLength = 0;
            for (int r = 0; r < matchers.size(); r++) {
                Matcher m = matchers.get(r).region(pos, n);
                if (m.lookingAt()) {
                    int length = PtbRules.RULES.get(r).matchLength(m, pos);
                    if (length > bestLength) {
                        bestLength = length;
                        bestRule = r;
                    }
                }
            }
            if (bestRule < 0) {
                // Untokenizable character: CoreNLP deletes it
                pos += Character.charCount(text.codePointAt(pos));
                continue;
            }
            LexRule rule = PtbRules.RULES.get(bestRule);
            Matcher m = matchers.get(bestRule).region(pos, n);
            m.lookingAt();
            String token = rule.token(m).replace("\u00AD", "");
            if (!token.isEmpty()) {
                lines.get(lines.size() - 1).add(token);
            }
            pos += Math.max(1, rule.consumed(m, pos));
        }
    }
}
