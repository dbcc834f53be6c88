package io.capstream.eval;

import java.util.ArrayList;
import java.util.List;

/** Python's two ways of splitting a caption, which the reference metrics use on purpose. */
final class PyStrings {
    private PyStrings() {}

    /**
     * Python's {@code str.split()}: splits on runs of Unicode whitespace (including the no-break
     * space CoreNLP puts inside fractions) and drops empty pieces. BLEU and CIDEr-D use this.
     */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            if (isPythonSpace(s.charAt(i))) {
                if (start >= 0) {
                    out.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            out.add(s.substring(start));
        }
        return out;
    }

    /**
     * Python's {@code str.split(" ")}: splits on each single space and keeps empty pieces, so
     * {@code ""} gives {@code [""]} (length 1). ROUGE-L uses this.
     */
    static List<String> splitOnSpace(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ' ') {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** The characters for which Python's {@code str.isspace()} is true (all in the BMP). */
    static boolean isPythonSpace(char c) {
        return (c >= '\t' && c <= '\r')
                || (c >= '\u001C' && c <= '\u0020')
                || c == '\u0085'
                || c == '\u00A0'
                || c == '\u1680'
                || (c >= '\u2000' && c <= '\u200A')
                || c == '\u2028'
                || c == '\u2029'
                || c == '\u202F'
                || c == '\u205F'
                || c == '\u3000';
    }
}
