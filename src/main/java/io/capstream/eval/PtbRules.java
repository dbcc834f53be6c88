package io.capstream.eval;

import java.util.List;
import java.util.Map;

/**
 * The lexer rules of {@link PtbTokenizer}, in priority order.
 *
 * <p>They reproduce, as observed on CoreNLP 3.4.1's {@code PTBTokenizer} (the tokenizer
 * pycocoevalcap runs), its caseless lexing: literal words match in any case, character classes such
 * as {@code [A-Z]} keep their case (so {@code Miss.} is an abbreviation and {@code miss.} is not).
 * Each regex here is our own; the behaviour was fixed by probing the real tokenizer (see {@code
 * src/test/resources/eval/tokenizer-*.json}).
 */
final class PtbRules {
    private PtbRules() {}

    static final String LETTER = "[\\p{L}\\p{M}\\u00AD]";
    static final String DIGIT = "\\p{Nd}";
    static final String LD = "[\\p{L}\\p{M}\\u00AD\\p{Nd}]";
    static final String APOS = "(?:['\\u0092\\u2019]|(?i:&apos;))";
    static final String APOSETC = "(?:['\\u0092\\u2019`\\u0091\\u2018\\u201B]|(?i:&apos;))";
    static final String SPACE = "[ \\t\\u00A0\\u2000-\\u200A\\u3000]";
    static final String HYPHEN = "[-_\\u058A\\u2010\\u2011]";
    static final String WORD = LETTER + LD + "*(?:[.!?]" + LETTER + LD + "*)*";
    static final String REDAUX = APOS + "(?:[msdMSD]|(?i:re|ve|ll))";
    static final String SREDAUX = "(?i:n)" + APOSETC + "(?i:t)";
    static final String NOT_LETTER_OR_END = "[^A-Za-z]|$";
    static final String HYPHENATED =
            LD + "[A-Za-z0-9.,\\u00AD]*(?:-" + LD + "[A-Za-z0-9\\u00AD]*)+";

    /**
     * Abbreviations that keep their period and compete for the longest match with two characters of
     * trailing context, as CoreNLP's do (so {@code etc.x} splits but {@code mr.x} does not).
     * Literal parts match any case; a leading capital in brackets below is case-sensitive.
     */
    static final String ABBREV1 =
            "(?i:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
                    + "|mon|tues?|wed|thu|thurs|fri"
                    + "|ala|ariz|calif|colo|conn|ct|dak|fla|ga|ind|kans?|ky|md|mich|minn|mo|mont"
                    + "|neb|nev|okla|penn|tenn|va|vt|wisc?|wyo"
                    + "|inc|cos?|corp|pp?t[ye]s?|ltd|plc|bancorp|dept|bhd|assn|univ|intl|sys"
                    + "|tel|est|ext|sq|jr|sr|bros|(?:ed|ph)\\.d|blvd|rd|esq|etc|al|seq|bldg)"
                    // capitalised only: in lower case these are ordinary words
                    + "|A(?i:z|rk)|D(?i:el)|I(?i:ll)|L(?i:a)|M(?i:ass|iss)|O(?i:re)|P(?i:a)"
                    + "|T(?i:ex)|W(?i:ash)";

    /** Titles and other abbreviations that keep their period, without trailing context. */
    static final String ABBREV2 =
            "(?i:mrs?|ms|drs?|profs?|sens?|reps?|attys?|lt|col|gen|messrs|govs?|adm|rev|maj"
                    + "|sgt|cpl|pvt|mt|capt|ste?|ave|pres|lieut|hon|brig|co?mdr|pfc|spc|supts?|det"
                    + "|mme|mlle|vs|alex|wm|jos|cie|cf|treas|invt|elec|natl|m[ft]g|ft|ph)";

    static final String SPACE_NL = SPACE + "|\\n";

    /**
     * Words that, capitalised and after a single letter and a period, make CoreNLP end a sentence
     * there ({@code "x c. The"} gives {@code c .}); "U.S." style acronyms keep their period.
     */
    static final String SENTENCE_STARTS =
            "A(?i:bout|ccording|dditionally|fter|n|s|t)?|B(?i:ut)|E(?i:arlier)"
                    + "|H(?i:e|er|ere|owever)|I(?i:f|n|t)|L(?i:ast)|M(?i:any|ore|r\\.|s\\.)|N(?i:ow)"
                    + "|O(?i:nce|ne|ther|ur)|S(?i:he|ince|o|ome|uch)"
                    + "|T(?i:hat|he|heir|hen|here|hese|hey|his)|W(?i:e|hen|hile|hat)|Y(?i:et|ou)"
                    + "|</?[A-Za-z!?][^>\\r\\n]*>";

    /** Abbreviations that keep their period only before a number ("no. 5"). */
    static final String NUMBER_ABBREVIATIONS = "(?i:nos?|prop|figs?|ca|art|pp|op)";

    private static final String PHONE =
            "(?:\\([0-9]{2,3}\\)[ \\u00A0]?|(?:\\+\\+?)?(?:[0-9]{2,4}[\\- \\u00A0])?[0-9]{2,4}"
                    + "[\\- \\u00A0/])[0-9]{3,4}[\\- \\u00A0]?[0-9]{3,5}"
                    + "|(?:(?:\\+\\+?)?[0-9]{2,4}\\.)?[0-9]{2,4}\\.[0-9]{3,4}\\.[0-9]{3,5}";

    private static final String QUOTE_CHARS =
            "[`\\u2018-\\u201F\\u0082\\u0084\\u0091-\\u0094\\u2039\\u203A\\u00AB\\u00BB]";

    private static final String MISC_SYMBOL =
            "[+%&~\\^|\\\\\\u00A6\\u00A7\\u00A8\\u00A9\\u00AC\\u00AE\\u00AF\\u00B0-\\u00B3"
                    + "\\u00B4-\\u00BA\\u00D7\\u00F7\\u0387\\u05BE\\u05C0\\u05C3\\u05C6\\u05F3"
                    + "\\u05F4\\u0600-\\u0603\\u0606-\\u060A\\u060C\\u0614\\u061B\\u061E\\u066A"
                    + "\\u066D\\u0703-\\u070D\\u07F6\\u07F7\\u07F8\\u0964\\u0965\\u0E4F\\u1FBD"
                    + "\\u2016\\u2017\\u2020-\\u2023\\u2030-\\u2038\\u203B\\u203E-\\u2042\\u2044"
                    + "\\u207A-\\u207F\\u208A-\\u208E\\u2100-\\u214F\\u2190-\\u21FF\\u2200-\\u2BFF"
                    + "\\u3012\\u30FB\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65]";

    private static final String FILE_EXTENSIONS =
            "(?i:bat|bmp|bz2|class|cgi|cpp|c|dll|docx|doc|exe|gif|gz|html|htm|h|jar|java|jpeg"
                    + "|jpg|mov|mp3|pdf|php|pl|png|ppt|ps|py|sql|tar|txt|wav|xml|x|zip|wm[va])";

    private static final Map<String, String> CURRENCY =
            Map.of("\u00A2", "cents", "\u00A3", "#", "\u00A4", "$", "\u0080", "$", "\u20AC", "$");

    private static final Map<String, String> VULGAR_FRACTIONS =
            Map.of(
                    "\u00BC", "1/4",
                    "\u00BD", "1/2",
                    "\u00BE", "3/4",
                    "\u2153", "1/3",
                    "\u2154", "2/3");

    private static final Map<String, String> BRACKETS =
            Map.of(
                    "(", "-LRB-", ")", "-RRB-", "[", "-LSB-", "]", "-RSB-", "{", "-LCB-", "}",
                    "-RCB-", "&lt;", "<", "&gt;", ">");

    static final List<LexRule> RULES =
            List.of(
                    LexRule.keep("sgml", "</?[A-Za-z!?][^>\\r\\n]*>"),
                    LexRule.map(
                            "mdash",
                            "&(?i:MD|mdash|ndash);|[\\u0096\\u0097\\u2013\\u2014\\u2015]",
                            s -> "--"),
                    LexRule.map("amp", "(?i:&amp;)", s -> "&"),
                    LexRule.keep("entity", "&(?i:HT|TL|UR|LR|QC|QL|QR|odq|cdq|#[0-9]+);"),
                    LexRule.keepBefore("wordBeforeClitic", WORD, REDAUX),
                    LexRule.keepBefore(
                            "wordBeforeNt", "[A-Za-z\\u00AD]*[A-MO-Za-mo-z]\\u00AD*", SREDAUX),
                    LexRule.pushback("cannot", "(?i:cannot)", 3),
                    LexRule.pushback("gonna", "(?i:gonna|gotta|lemme|gimme|wanna)", 2),
                    LexRule.pushback("tis", APOS + "(?i:tis)", 2),
                    LexRule.pushback("twas", APOS + "(?i:twas)", 3),
                    LexRule.keep("word", WORD),
                    LexRule.mapBefore(
                            "clitic", REDAUX, NOT_LETTER_OR_END, PtbRules::asciiApostrophe),
                    LexRule.map("nt", SREDAUX, PtbRules::asciiApostrophe),
                    // Unlike ', a typographic apostrophe or &apos; makes a clitic even before a
                    // letter
                    LexRule.map(
                            "typographicClitic",
                            "(?:[\\u0092\\u2019]|(?i:&apos;))(?:[msdMSD]|(?i:re|ve|ll))",
                            PtbRules::asciiApostrophe),
                    LexRule.keep("twoApostrophes", "''"),
                    // An ASCII quote before a letter wins ties that other quotes lose ("'N" vs
                    // "’N")
                    LexRule.mapBefore(
                            "asciiOpenQuote", "'", LETTER + "|" + DIGIT, PtbRules::quotes),
                    LexRule.keep("apostropheWord", apostropheWord()),
                    LexRule.keepBefore("yApostrophe", "(?i:y)" + APOS, LETTER),
                    LexRule.keepBefore("apostropheYear", APOS + "[0-9]{2}", "[ \\t\\n\\u00A0]"),
                    LexRule.mapBefore(
                            "openQuote",
                            QUOTE_CHARS + "{1,2}|" + APOS,
                            LETTER + "|" + DIGIT,
                            PtbRules::quotes),
                    LexRule.map("closeQuote", QUOTE_CHARS + "{1,2}|" + APOS, PtbRules::quotes),
                    LexRule.keep(
                            "url",
                            "(?i:https?)://[^ \\t\\n\\f\\r\"<>|()]+[^ \\t\\n\\f\\r\"<>|.!?(){},-]"),
                    LexRule.keep("likelyUrl", likelyUrl()),
                    LexRule.keep(
                            "email",
                            "[a-zA-Z0-9][^ \\t\\n\\f\\r\"<>|()\\u00A0]*@"
                                    + "(?:[^ \\t\\n\\f\\r\"<>|().\\u00A0]+\\.)*"
                                    + "[^ \\t\\n\\f\\r\"<>|().\\u00A0]+"),
                    LexRule.keep("twitter", "@[a-zA-Z_][a-zA-Z_0-9]*|#" + LETTER + "+"),
                    LexRule.keep(
                            "date",
                            DIGIT + "{1,2}[\\-/]" + DIGIT + "{1,2}[\\-/]" + DIGIT + "{2,4}"),
                    LexRule.keep(
                            "number",
                            "[\\-+]?(?:"
                                    + DIGIT
                                    + "*(?:[.:,\\u00AD\\u066B\\u066C]"
                                    + DIGIT
                                    + "+)+|"
                                    + DIGIT
                                    + "+)"),
                    LexRule.keep(
                            "supSubNumber",
                            "[\\u207A\\u207B\\u208A\\u208B]?(?:[\\u2070\\u00B9\\u00B2\\u00B3"
                                    + "\\u2074-\\u2079]+|[\\u2080-\\u2089]+)"),
                    LexRule.map(
                            "fraction",
                            "(?:"
                                    + DIGIT
                                    + "{1,4}[- \\u00A0])?"
                                    + DIGIT
                                    + "{1,4}(?:\\\\?/|\\u2044)"
                                    + DIGIT
                                    + "{1,4}",
                            s -> s.replace(' ', '\u00A0')),
                    LexRule.map(
                            "vulgarFraction",
                            "[\\u00BC\\u00BD\\u00BE\\u2153-\\u215E]",
                            s -> VULGAR_FRACTIONS.getOrDefault(s, s)),
                    LexRule.keep(
                            "treebankSpecial",
                            "-(?i:RRB|LRB|RCB|LCB|RSB|LSB)-|(?i:C\\.D\\.s|pro-|anti-)"
                                    + "|(?i:S)(?:&|(?i:&amp;))(?i:P-500|Ls)"
                                    + "|(?i:Cap)"
                                    + APOS
                                    + "(?i:n)|(?i:c)"
                                    + APOS
                                    + "(?i:est)"),
                    LexRule.keep(
                            "slashed",
                            "[A-Za-z0-9]+(?:-[A-Za-z]+){0,2}(?:\\\\?/[A-Za-z0-9]+(?:-[A-Za-z]+){0,2}){1,2}"),
                    LexRule.keep("progLang", "(?i:c)\\+\\+|(?i:c|f)#"),
                    LexRule.keep("dollar", "[A-Z]*\\$|#"),
                    LexRule.map(
                            "currency",
                            "[\\u00A2\\u00A3\\u00A4\\u00A5\\u0080\\u20A0\\u20AC\\u060B\\u0E3F"
                                    + "\\u20A4\\uFFE0\\uFFE1\\uFFE5\\uFFE6]",
                            s -> CURRENCY.getOrDefault(s, s)),
                    LexRule.keepBefore("abbreviation1", "(?:" + ABBREV1 + ")\\.", "(?s:..)"),
                    LexRule.keep("abbreviation1AtEnd", "(?:" + ABBREV1 + ")\\."),
                    LexRule.keep("abbreviation2", "(?:" + ABBREV2 + ")\\."),
                    LexRule.keepBefore(
                            "numberAbbreviation",
                            NUMBER_ABBREVIATIONS + "\\.",
                            "(?:" + SPACE + "|\\n)?" + DIGIT),
                    LexRule.keepBefore(
                            "letterBeforeSentence",
                            "[A-Za-z]",
                            "\\.(?:"
                                    + SPACE_NL
                                    + ")+(?:"
                                    + SENTENCE_STARTS
                                    + ")(?:"
                                    + SPACE_NL
                                    + ")"),
                    LexRule.keep("acronym", "[A-Za-z](?:\\.[A-Za-z])*\\."),
                    LexRule.keepBefore(
                            "fileName",
                            "[A-Za-z0-9]+(?:\\.[A-Za-z0-9]+)*\\." + FILE_EXTENSIONS,
                            SPACE_NL + "|[.?!,]|$"),
                    LexRule.keepBefore("wordBeforeComma", WORD + "\\.", "[,;:\\u3001]"),
                    LexRule.keepBefore("thingBeforeComma", thing() + "\\.", "[,;:\\u3001]"),
                    LexRule.keepBefore("hyphenatedBeforeComma", HYPHENATED + "\\.", "[,;:\\u3001]"),
                    LexRule.map("phone", PHONE, s -> s.replace(' ', '\u00A0')),
                    LexRule.map("doubleQuote", "\"|(?i:&quot;)", s -> "''"),
                    LexRule.keep("bang", "(?i:E|Yahoo|Jeopardy)!"),
                    LexRule.keep("plus", "\\+"),
                    LexRule.keep("percentAmp", "[%&~|\\u2022]"),
                    LexRule.keep("footnoteMarks", "@+|#+|_+"),
                    LexRule.keep("asterisks", "\\*+|(?:\\\\\\*){1,3}"),
                    LexRule.keep("inSentencePunct", "[,;:\\u3001]"),
                    LexRule.keep("bangs", "[?!]+"),
                    LexRule.keep(
                            "sentenceEnd",
                            "[.\\u00A1\\u00BF\\u037E\\u0589\\u061F\\u06D4\\u0700-\\u0702\\u07FA"
                                    + "\\u3002]"),
                    LexRule.keep("equalsSlash", "[=/]"),
                    LexRule.keep("hyphenated", HYPHENATED),
                    LexRule.keep("thing", thing()),
                    LexRule.keep("capsAmpersand", "[A-Z]+(?:(?:[+&]|(?i:&amp;))[A-Z]+)+"),
                    LexRule.keep("duckFeet", "<<|>>"),
                    LexRule.map(
                            "brackets",
                            "[<>\\[\\](){}]|(?i:&lt;|&gt;)",
                            s -> BRACKETS.getOrDefault(s.toLowerCase(java.util.Locale.ROOT), s)),
                    LexRule.mapBefore(
                            "smiley",
                            "[<>]?[:;=][\\-o*']?[()DPdpO\\\\{@|\\[\\]]",
                            "[^A-Za-z0-9]|$",
                            s -> s.replace("(", "-LRB-").replace(")", "-RRB-")),
                    LexRule.keep("symbol", MISC_SYMBOL),
                    LexRule.map("ellipsis", "\\.\\.\\.+|[\\u0085\\u2026]", s -> "..."),
                    LexRule.map("spacedEllipsis", "\\.[ \\u00A0]\\.[ \\u00A0]\\.", s -> "..."),
                    // Whitespace is a rule, not a separator: a URL may start with a no-break space
                    LexRule.map(
                            "spaces",
                            "[ \\t\\u00A0\\u2000-\\u200B\\u200E\\u200F\\u3000\\uFEFF\\u0000]+",
                            s -> ""),
                    LexRule.map(
                            "hyphens", "-+", s -> s.length() >= 3 && s.length() <= 4 ? "--" : s));

    private static String apostropheWord() {
        return String.join(
                "|",
                APOS + "(?i:n)" + APOS + "?",
                "[lLdDjJ]" + APOS,
                "(?i:dunkin|somethin|ol)" + APOS,
                APOS + "(?i:em)",
                "[A-HJ-XZn]" + APOSETC + "\\p{L}{2}\\p{L}*",
                APOS + "[2-9]0(?i:s)",
                APOS + "(?i:till?|cause)",
                "\\p{L}+[aeiouyAEIOUY]" + APOSETC + "[aeiouA-Z]\\p{L}*",
                "(?i:cont'd)\\.?",
                "(?i:nor'easter|c'mon|e'er|s'mores|ev'ry|li'l|nat'l)",
                "O" + APOSETC + "(?i:o)");
    }

    private static String likelyUrl() {
        String host = "[^ \\t\\n\\f\\r\"<>|.!?(){},]+";
        // The original character class spells ",-_", which is the range ',' to '_'
        String part = "[^ \\t\\n\\f\\r\"`'<>|.!?(){},-_$]+";
        return "(?:(?:(?i:www)\\.(?:"
                + host
                + "\\.)+[a-zA-Z]{2,4})|(?:(?:"
                + part
                + "\\.)+(?i:com|net|org|edu)))"
                + "(?:/[^ \\t\\n\\f\\r\"<>|()]+[^ \\t\\n\\f\\r\"<>|.!?(){},-])?";
    }

    private static String thing() {
        String prefix = "(?:[dDoOlL]" + APOSETC + LD + ")?";
        return prefix + LD + "+(?:" + HYPHEN + prefix + LD + "+)*";
    }

    static String asciiApostrophe(String s) {
        // CoreNLP normalizes only the lower-case entity, although it lexes it in any case
        return s.replaceAll("&apos;|[\\u0092\\u2019`\\u0091\\u2018\\u201B]", "'");
    }

    /** PTB quotes: each quote character becomes a backquote or apostrophe form. */
    static String quotes(String s) {
        s = s.replace("&apos;", "'");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u201C', '\u0093', '\u00AB' -> out.append("``");
                case '\u201D', '\u0094', '\u00BB' -> out.append("''");
                case '`', '\u2018', '\u201B', '\u0082', '\u0084', '\u0091', '\u2039' ->
                        out.append('`');
                case '\'', '\u2019', '\u0092', '\u203A' -> out.append('\'');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
