package io.capstream.eval;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of {@link PtbTokenizer}'s lexer, in the manner of a JFlex rule {@code token/context}.
 *
 * <p>The pattern has a named group {@code t} (the token) and may have a lookahead with a named
 * group {@code c} (the trailing context, not consumed). Like JFlex, the lexer prefers the rule
 * whose token plus context is longest, and the earlier rule on a tie.
 */
final class LexRule {
    private final String name;
    private final Pattern pattern;
    private final boolean hasContext;
    private final int pushback;
    private final UnaryOperator<String> rewrite;

    private LexRule(String name, String regex, int pushback, UnaryOperator<String> rewrite) {
        this.name = name;
        this.pattern = Pattern.compile(regex);
        this.hasContext = regex.contains("(?<c>");
        this.pushback = pushback;
        this.rewrite = rewrite;
    }

    /** A rule whose token is emitted unchanged. */
    static LexRule keep(String name, String tokenRegex) {
        return new LexRule(name, "(?<t>" + tokenRegex + ")", 0, UnaryOperator.identity());
    }

    /** A rule whose token is emitted rewritten (PTB escapes, normalised quotes or currency). */
    static LexRule map(String name, String tokenRegex, UnaryOperator<String> rewrite) {
        return new LexRule(name, "(?<t>" + tokenRegex + ")", 0, rewrite);
    }

    /** A rule that only matches when {@code contextRegex} follows the token. */
    static LexRule keepBefore(String name, String tokenRegex, String contextRegex) {
        return new LexRule(
                name,
                "(?<t>" + tokenRegex + ")(?=(?<c>" + contextRegex + "))",
                0,
                UnaryOperator.identity());
    }

    /** Like {@link #keepBefore} but rewriting the token. */
    static LexRule mapBefore(
            String name, String tokenRegex, String contextRegex, UnaryOperator<String> rewrite) {
        return new LexRule(
                name, "(?<t>" + tokenRegex + ")(?=(?<c>" + contextRegex + "))", 0, rewrite);
    }

    /** A rule that emits its match minus the last {@code n} characters, which are lexed again. */
    static LexRule pushback(String name, String tokenRegex, int n) {
        return new LexRule(name, "(?<t>" + tokenRegex + ")", n, UnaryOperator.identity());
    }

    String name() {
        return name;
    }

    Matcher matcher(CharSequence input) {
        return pattern.matcher(input).useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** Length that competes for the longest match: token plus trailing context. */
    int matchLength(Matcher m, int start) {
        int end = m.end("t");
        if (hasContext && m.end("c") > end) {
            end = m.end("c");
        }
        return end - start;
    }

    /** Characters consumed by the token. */
    int consumed(Matcher m, int start) {
        return m.end("t") - start - pushback;
    }

    String token(Matcher m) {
        String text = m.group("t");
        return rewrite.apply(text.substring(0, text.length() - pushback));
    }
}
