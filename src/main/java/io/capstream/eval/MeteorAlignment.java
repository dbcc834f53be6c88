package io.capstream.eval;

import java.util.List;

/**
 * The alignment METEOR chose between a hypothesis and one reference: for each reference word, the
 * hypothesis word it is matched to and by which module, or none.
 */
final class MeteorAlignment {
    static final int EXACT = 0;
    static final int STEM = 1;
    static final int SYNONYM = 2;
    static final int MODULES = 3;

    /** A one-word match; {@code module} is {@link #EXACT}, {@link #STEM} or {@link #SYNONYM}. */
    record Match(int hyp, int ref, int module) {}

    final List<String> hyp;
    final List<String> ref;

    /** Indexed by reference position; null where the reference word is unmatched. */
    final Match[] byRef;

    MeteorAlignment(List<String> hyp, List<String> ref, Match[] byRef) {
        this.hyp = hyp;
        this.ref = ref;
        this.byRef = byRef;
    }

    int matchCount() {
        int count = 0;
        for (Match m : byRef) {
            if (m != null) {
                count++;
            }
        }
        return count;
    }

    /** Number of chunks: runs of matches adjacent and in the same order in both sentences. */
    int chunks() {
        int chunks = 0;
        int lastHypEnd = -1;
        for (Match m : byRef) {
            if (m == null) {
                if (lastHypEnd != -1) {
                    chunks++;
                    lastHypEnd = -1;
                }
            } else {
                if (lastHypEnd != -1 && m.hyp() != lastHypEnd) {
                    chunks++;
                }
                lastHypEnd = m.hyp() + 1;
            }
        }
        return lastHypEnd != -1 ? chunks + 1 : chunks;
    }
}
