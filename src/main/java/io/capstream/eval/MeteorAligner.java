package io.capstream.eval;

import static io.capstream.eval.MeteorAlignment.EXACT;
import static io.capstream.eval.MeteorAlignment.STEM;
import static io.capstream.eval.MeteorAlignment.SYNONYM;

import io.capstream.eval.MeteorAlignment.Match;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * METEOR 1.5's aligner (exact, stem and synonym modules; no paraphrase table).
 *
 * <p>Each module proposes one-word matches: exact for identical words, stem for different words
 * with the same Snowball stem, synonym for different words sharing a WordNet synset. Matches that
 * are the only candidate for both of their words are fixed; the rest are resolved by METEOR's beam
 * search (beam 40) over reference positions, preferring more matches, then fewer chunks, then a
 * smaller position distance. As in METEOR 1.5, the search weighs exact matches 1 and the others
 * 0.5, and keeps those weighted counts in integers, so a stem or synonym match adds nothing to a
 * path's match count and only chunks and distance decide whether it is taken; the distance of a new
 * match is (sic) added to the path that skips it. Sentences that are identical use the exact module
 * only.
 */
final class MeteorAligner {
    private static final double[] SEARCH_WEIGHTS = {1.0, 0.5, 0.5};
    private static final int BEAM = 40;

    private static final Comparator<Path> BEST_FIRST =
            (x, y) -> {
                int matchDiff = (y.matches1 + y.matches2) - (x.matches1 + x.matches2);
                if (matchDiff != 0) {
                    return matchDiff > 0 ? 1 : -1;
                }
                if (x.chunks != y.chunks) {
                    return x.chunks - y.chunks;
                }
                return x.distance - y.distance;
            };

    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();

    private final SynonymSets synonyms;

    MeteorAligner(SynonymSets synonyms) {
        this.synonyms = synonyms;
    }

    MeteorAlignment align(List<String> hyp, List<String> ref) {
        List<List<Match>> candidates = new ArrayList<>(ref.size());
        for (int j = 0; j < ref.size(); j++) {
            candidates.add(new ArrayList<>());
        }
        int[] hypCoverage = new int[hyp.size()];
        int[] refCoverage = new int[ref.size()];
        boolean identical = hyp.equals(ref);
        Words h = new Words(hyp, !identical);
        Words r = new Words(ref, !identical);
        for (int module = EXACT; module <= (identical ? EXACT : SYNONYM); module++) {
            for (int j = 0; j < ref.size(); j++) {
                for (int i = 0; i < hyp.size(); i++) {
                    if (matches(module, h, i, r, j)) {
                        candidates.get(j).add(new Match(i, j, module));
                        hypCoverage[i]++;
                        refCoverage[j]++;
                    }
                }
            }
        }
        Path start = new Path(hyp.size(), ref.size());
        // A match that is the only candidate for both of its words is certain
        for (int j = 0; j < ref.size(); j++) {
            if (candidates.get(j).size() == 1) {
                Match m = candidates.get(j).get(0);
                if (refCoverage[j] == 1 && hypCoverage[m.hyp()] == 1) {
                    start.use(m);
                }
            }
        }
        Path best = resolve(candidates, start);
        return new MeteorAlignment(hyp, ref, best.byRef);
    }

    private static boolean matches(int module, Words hyp, int i, Words ref, int j) {
        boolean same = hyp.words.get(i).equals(ref.words.get(j));
        return switch (module) {
            case EXACT -> same;
            case STEM -> !same && hyp.stems[i].equals(ref.stems[j]);
            case SYNONYM -> !same && !Collections.disjoint(hyp.synsets.get(i), ref.synsets.get(j));
            default -> throw new IllegalArgumentException("module " + module);
        };
    }

    /** A sentence's words with their stems and synsets, looked up once per alignment. */
    private final class Words {
        final List<String> words;
        final String[] stems;
        final List<Set<Long>> synsets;

        Words(List<String> words, boolean lookUp) {
            this.words = words;
            this.stems = new String[words.size()];
            this.synsets = new ArrayList<>(words.size());
            if (lookUp) {
                for (int i = 0; i < words.size(); i++) {
                    stems[i] = STEMS.computeIfAbsent(words.get(i), EnglishStemmer::stem);
                    synsets.add(synonyms.of(words.get(i)));
                }
            }
        }
    }

    private static Path resolve(List<List<Match>> candidates, Path start) {
        int n = candidates.size();
        List<Path> next = new ArrayList<>();
        next.add(start);
        for (int current = 0; current <= n; current++) {
            List<Path> paths = next;
            next = new ArrayList<>();
            paths.sort(BEST_FIRST);
            for (int rank = 0; rank < BEAM && rank < paths.size(); rank++) {
                Path path = paths.get(rank);
                if (current == n) {
                    if (path.lastHypEnd != -1) {
                        path.chunks++;
                    }
                    next.add(path);
                    continue;
                }
                if (path.refUsed[current]) {
                    if (current < path.idx) {
                        next.add(path);
                    } else if (path.byRef[path.idx] != null) {
                        Match fixed = path.byRef[path.idx];
                        path.take(fixed);
                        path.distance += Math.abs(fixed.ref() - fixed.hyp());
                        next.add(path);
                    }
                    continue;
                }
                for (Match m : candidates.get(current)) {
                    if (path.hypUsed[m.hyp()] || path.refUsed[m.ref()]) {
                        continue;
                    }
                    Path extended = new Path(path);
                    extended.use(m);
                    extended.take(m);
                    path.distance += Math.abs(m.ref() - m.hyp());
                    next.add(extended);
                }
                // Or skip this reference word
                if (path.lastHypEnd != -1) {
                    path.chunks++;
                    path.lastHypEnd = -1;
                }
                path.idx++;
                next.add(path);
            }
            if (next.isEmpty()) {
                next.add(paths.get(0));
            }
        }
        next.sort(BEST_FIRST);
        return next.get(0);
    }

    /** A partial alignment in the beam. */
    private static final class Path {
        final Match[] byRef;
        final boolean[] hypUsed;
        final boolean[] refUsed;
        int matches1;
        int matches2;
        int chunks;
        int idx;
        int lastHypEnd = -1;
        int distance;

        Path(int hypLength, int refLength) {
            byRef = new Match[refLength];
            hypUsed = new boolean[hypLength];
            refUsed = new boolean[refLength];
        }

        Path(Path other) {
            byRef = Arrays.copyOf(other.byRef, other.byRef.length);
            hypUsed = Arrays.copyOf(other.hypUsed, other.hypUsed.length);
            refUsed = Arrays.copyOf(other.refUsed, other.refUsed.length);
            matches1 = other.matches1;
            matches2 = other.matches2;
            chunks = other.chunks;
            idx = other.idx;
            lastHypEnd = other.lastHypEnd;
            distance = other.distance;
        }

        void use(Match m) {
            byRef[m.ref()] = m;
            hypUsed[m.hyp()] = true;
            refUsed[m.ref()] = true;
        }

        /** Counts a match reached by the search (METEOR adds weights to int counters). */
        void take(Match m) {
            matches1 = (int) (matches1 + SEARCH_WEIGHTS[m.module()]);
            matches2 = (int) (matches2 + SEARCH_WEIGHTS[m.module()]);
            if (lastHypEnd != -1 && m.hyp() != lastHypEnd) {
                chunks++;
            }
            idx = m.ref() + 1;
            lastHypEnd = m.hyp() + 1;
        }
    }
}
