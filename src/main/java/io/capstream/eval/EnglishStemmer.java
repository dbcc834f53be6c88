package io.capstream.eval;

import java.util.Map;
import java.util.Set;

/**
 * The Snowball English ("Porter2") stemmer, which METEOR 1.5 uses for its stem module (through
 * Snowball's {@code englishStemmer}); written here from the published algorithm
 * (snowballstem.org/algorithms/english). Input is a lower-case word. Stateless and thread-safe.
 */
final class EnglishStemmer {
    private static final Map<String, String> EXCEPTIONS =
            Map.ofEntries(
                    Map.entry("skis", "ski"),
                    Map.entry("skies", "sky"),
                    Map.entry("dying", "die"),
                    Map.entry("lying", "lie"),
                    Map.entry("tying", "tie"),
                    Map.entry("idly", "idl"),
                    Map.entry("gently", "gentl"),
                    Map.entry("ugly", "ugli"),
                    Map.entry("early", "earli"),
                    Map.entry("only", "onli"),
                    Map.entry("singly", "singl"),
                    Map.entry("sky", "sky"),
                    Map.entry("news", "news"),
                    Map.entry("howe", "howe"),
                    Map.entry("atlas", "atlas"),
                    Map.entry("cosmos", "cosmos"),
                    Map.entry("bias", "bias"),
                    Map.entry("andes", "andes"));
    private static final Set<String> AFTER_STEP_1A =
            Set.of(
                    "inning", "outing", "canning", "herring", "earring", "proceed", "exceed",
                    "succeed");
    private static final String[] STEP_2 = {
        "ization", "ize", "ational", "ate", "fulness", "ful", "ousness", "ous", "iveness", "ive",
        "tional", "tion", "biliti", "ble", "lessli", "less", "entli", "ent", "ation", "ate",
        "alism", "al", "aliti", "al", "ousli", "ous", "iviti", "ive", "fulli", "ful", "enci",
        "ence", "anci", "ance", "abli", "able", "izer", "ize", "ator", "ate", "alli", "al", "bli",
        "ble"
    };
    private static final String[] STEP_3 = {
        "ational", "ate", "tional", "tion", "alize", "al", "icate", "ic", "iciti", "ic", "ical",
        "ic", "ful", "", "ness", ""
    };
    private static final String[] STEP_4 = {
        "ement", "ment", "able", "ible", "ance", "ence", "ate", "iti", "ous", "ive", "ize", "ism",
        "ant", "ent", "al", "er", "ic"
    };

    private StringBuilder w;
    private int r1;
    private int r2;

    private EnglishStemmer() {}

    /** Returns the stem of a lower-case word. */
    static String stem(String word) {
        if (word.length() <= 2) {
            return word;
        }
        String exception = EXCEPTIONS.get(word);
        if (exception != null) {
            return exception;
        }
        return new EnglishStemmer().run(word);
    }

    private String run(String word) {
        w = new StringBuilder(word.startsWith("'") ? word.substring(1) : word);
        markYs();
        markRegions();
        step0();
        step1a();
        if (AFTER_STEP_1A.contains(w.toString())) {
            return w.toString();
        }
        step1b();
        step1c();
        step2();
        step3();
        step4();
        step5();
        return w.toString().replace('Y', 'y');
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    private boolean vowelAt(int i) {
        return isVowel(w.charAt(i));
    }

    /** Initial y and y after a vowel are consonants: mark them Y. */
    private void markYs() {
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) == 'y' && (i == 0 || vowelAt(i - 1))) {
                w.setCharAt(i, 'Y');
            }
        }
    }

    private void markRegions() {
        String s = w.toString();
        if (s.startsWith("gener") || s.startsWith("arsen")) {
            r1 = 5;
        } else if (s.startsWith("commun")) {
            r1 = 6;
        } else {
            r1 = regionAfter(0);
        }
        r2 = regionAfter(r1);
    }

    /** Position after the first non-vowel that follows a vowel, from {@code start}. */
    private int regionAfter(int start) {
        for (int i = start + 1; i < w.length(); i++) {
            if (!vowelAt(i) && vowelAt(i - 1)) {
                return i + 1;
            }
        }
        return w.length();
    }

    private boolean endsWith(String suffix) {
        int n = w.length() - suffix.length();
        return n >= 0 && w.indexOf(suffix, n) == n;
    }

    private void replaceEnd(int suffixLength, String with) {
        w.setLength(w.length() - suffixLength);
        w.append(with);
    }

    private boolean inR1(int suffixLength) {
        return w.length() - suffixLength >= r1;
    }

    private boolean inR2(int suffixLength) {
        return w.length() - suffixLength >= r2;
    }

    private boolean hasVowelBefore(int end) {
        for (int i = 0; i < end; i++) {
            if (vowelAt(i)) {
                return true;
            }
        }
        return false;
    }

    /** A short syllable ends at index {@code end} (exclusive). */
    private boolean shortSyllableEndingAt(int end) {
        if (end == 2) {
            return vowelAt(0) && !vowelAt(1);
        }
        if (end < 3) {
            return false;
        }
        char last = w.charAt(end - 1);
        return !vowelAt(end - 3)
                && vowelAt(end - 2)
                && !isVowel(last)
                && last != 'w'
                && last != 'x'
                && last != 'Y';
    }

    private void step0() {
        for (String suffix : new String[] {"'s'", "'s", "'"}) {
            if (endsWith(suffix)) {
                replaceEnd(suffix.length(), "");
                return;
            }
        }
    }

    private void step1a() {
        if (endsWith("sses")) {
            replaceEnd(4, "ss");
        } else if (endsWith("ied") || endsWith("ies")) {
            replaceEnd(3, w.length() > 4 ? "i" : "ie");
        } else if (endsWith("us") || endsWith("ss")) {
            return;
        } else if (endsWith("s") && hasVowelBefore(w.length() - 2)) {
            replaceEnd(1, "");
        }
    }

    private void step1b() {
        for (String suffix : new String[] {"eedly", "eed"}) {
            if (endsWith(suffix)) {
                if (inR1(suffix.length())) {
                    replaceEnd(suffix.length(), "ee");
                }
                return;
            }
        }
        for (String suffix : new String[] {"ingly", "edly", "ing", "ed"}) {
            if (endsWith(suffix)) {
                int stemEnd = w.length() - suffix.length();
                if (!hasVowelBefore(stemEnd)) {
                    return;
                }
                w.setLength(stemEnd);
                if (endsWith("at") || endsWith("bl") || endsWith("iz")) {
                    w.append('e');
                } else if (endsWithDouble()) {
                    w.setLength(w.length() - 1);
                } else if (r1 == w.length() && shortSyllableEndingAt(w.length())) {
                    w.append('e');
                }
                return;
            }
        }
    }

    private boolean endsWithDouble() {
        for (String d : new String[] {"bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"}) {
            if (endsWith(d)) {
                return true;
            }
        }
        return false;
    }

    private void step1c() {
        int n = w.length();
        char last = w.charAt(n - 1);
        if ((last == 'y' || last == 'Y') && n > 2 && !vowelAt(n - 2)) {
            w.setCharAt(n - 1, 'i');
        }
    }

    private void step2() {
        String suffix = longest(STEP_2, "ogi", "li");
        if (suffix == null || !inR1(suffix.length())) {
            return;
        }
        if (suffix.equals("ogi")) {
            if (w.length() > 3 && w.charAt(w.length() - 4) == 'l') {
                replaceEnd(3, "og");
            }
        } else if (suffix.equals("li")) {
            if (w.length() > 2 && "cdeghkmnrt".indexOf(w.charAt(w.length() - 3)) >= 0) {
                replaceEnd(2, "");
            }
        } else {
            replaceEnd(suffix.length(), replacementOf(STEP_2, suffix));
        }
    }

    private void step3() {
        String suffix = longest(STEP_3, "ative");
        if (suffix == null || !inR1(suffix.length())) {
            return;
        }
        if (suffix.equals("ative")) {
            if (inR2(5)) {
                replaceEnd(5, "");
            }
        } else {
            replaceEnd(suffix.length(), replacementOf(STEP_3, suffix));
        }
    }

    private void step4() {
        String best = null;
        for (String s : STEP_4) {
            if (endsWith(s) && (best == null || s.length() > best.length())) {
                best = s;
            }
        }
        if (endsWith("ion") && (best == null || best.length() < 3)) {
            best = "ion";
        }
        if (best == null || !inR2(best.length())) {
            return;
        }
        if (best.equals("ion")) {
            char before = w.length() > 3 ? w.charAt(w.length() - 4) : ' ';
            if (before == 's' || before == 't') {
                replaceEnd(3, "");
            }
        } else {
            replaceEnd(best.length(), "");
        }
    }

    private void step5() {
        int n = w.length();
        if (w.charAt(n - 1) == 'e') {
            if (inR2(1) || (inR1(1) && !shortSyllableEndingAt(n - 1))) {
                replaceEnd(1, "");
            }
        } else if (w.charAt(n - 1) == 'l' && inR2(1) && n > 1 && w.charAt(n - 2) == 'l') {
            replaceEnd(1, "");
        }
    }

    /** The longest suffix of the word among the pairs' keys and the extra suffixes, or null. */
    private String longest(String[] pairs, String... extra) {
        String best = null;
        for (int i = 0; i < pairs.length; i += 2) {
            if (endsWith(pairs[i]) && (best == null || pairs[i].length() > best.length())) {
                best = pairs[i];
            }
        }
        for (String s : extra) {
            if (endsWith(s) && (best == null || s.length() > best.length())) {
                best = s;
            }
        }
        return best;
    }

    private static String replacementOf(String[] pairs, String suffix) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(suffix)) {
                return pairs[i + 1];
            }
        }
        throw new IllegalStateException(suffix);
    }
}
