package io.capstream.eval;

import io.capstream.util.UserInputException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores hypothesis captions against references the way pycocoevalcap's {@code COCOEvalCap} does:
 * references and hypotheses are tokenized by {@link PtbTokenizer} in two separate calls (in image
 * order), then BLEU-1..4, METEOR, ROUGE-L and CIDEr-D score the tokenized set. Training code calls
 * this for validation; {@code capstream eval} wraps it. Thread-safe.
 *
 * <p>CIDEr-D's document frequencies come from the references of the images scored together, so
 * scores of a subset (see {@link #scoreByType}) are what the reference code gives for that subset,
 * not a slice of the full set's scores.
 */
public final class CaptionScorer {
    /** The type that collects images listed under no type in {@link #scoreByType}. */
    public static final String OTHER_TYPE = "other";

    private final PtbTokenizer tokenizer = new PtbTokenizer();
    private final Bleu bleu = new Bleu();
    private final RougeL rouge = new RougeL();
    private final CiderD cider = new CiderD();
    private final Meteor meteor;

    /** A scorer with METEOR's WordNet synonyms loaded (lazily) from the classpath. */
    public CaptionScorer() {
        this(new Meteor());
    }

    /** A scorer using the given METEOR implementation. */
    public CaptionScorer(Meteor meteor) {
        this.meteor = meteor;
    }

    /**
     * Scores hypotheses against references.
     *
     * @param refs reference captions by image id; every id needs at least one
     * @param hyps one hypothesis caption by image id; its order is the corpus order
     * @throws UserInputException if an id is in one map and not the other, or has no reference
     */
    public Scores score(Map<String, List<String>> refs, Map<String, String> hyps) {
        return scoreTokenized(tokenize(refs, hyps));
    }

    /**
     * Scores each type's images as a corpus of its own, like DECIDER's per-change-type table.
     *
     * @param typeToIds image ids by type; ids absent from {@code hyps} are ignored and a type left
     *     with no image is omitted
     * @return scores by type in {@code typeToIds} order, followed by {@value #OTHER_TYPE} for the
     *     images of {@code hyps} under no type, if there are any ({@code other-untyped} if {@code
     *     typeToIds} already has a type {@value #OTHER_TYPE})
     */
    public Map<String, Scores> scoreByType(
            Map<String, List<String>> refs,
            Map<String, String> hyps,
            Map<String, List<String>> typeToIds) {
        checkIds(refs, hyps, "the references", "the hypotheses");
        Map<String, Scores> out = new LinkedHashMap<>();
        Set<String> typed = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> type : typeToIds.entrySet()) {
            Set<String> ids = new LinkedHashSet<>();
            for (String id : type.getValue()) {
                if (hyps.containsKey(id)) {
                    ids.add(id);
                }
            }
            typed.addAll(ids);
            if (!ids.isEmpty()) {
                out.put(type.getKey(), score(subset(refs, ids), subset(hyps, ids)));
            }
        }
        Set<String> untyped = new LinkedHashSet<>(hyps.keySet());
        untyped.removeAll(typed);
        if (!untyped.isEmpty()) {
            String name = typeToIds.containsKey(OTHER_TYPE) ? OTHER_TYPE + "-untyped" : OTHER_TYPE;
            out.put(name, score(subset(refs, untyped), subset(hyps, untyped)));
        }
        return out;
    }

    /** Scores an already tokenized corpus. */
    public Scores scoreTokenized(TokenizedCorpus corpus) {
        Map<Metric, MetricScore> results = new EnumMap<>(Metric.class);
        List<MetricScore> bleuScores = bleu.score(corpus);
        for (int n = 1; n <= Bleu.N; n++) {
            results.put(Metric.bleu(n), bleuScores.get(n - 1));
        }
        results.put(Metric.METEOR, meteor.score(corpus));
        results.put(Metric.ROUGE_L, rouge.score(corpus));
        results.put(Metric.CIDER_D, cider.score(corpus));

        Map<Metric, Double> corpusScores = new EnumMap<>(Metric.class);
        Map<String, Map<Metric, Double>> perId = new HashMap<>();
        for (Metric m : Metric.values()) {
            corpusScores.put(m, results.get(m).corpus());
        }
        for (int i = 0; i < corpus.size(); i++) {
            Map<Metric, Double> image = new EnumMap<>(Metric.class);
            for (Metric m : Metric.values()) {
                image.put(m, results.get(m).perImage(i));
            }
            perId.put(corpus.ids().get(i), Map.copyOf(image));
        }
        return new Scores(corpus.ids(), corpusScores, perId);
    }

    /**
     * Tokenizes references and hypotheses as COCOEvalCap does: all references (image by image, in
     * hypothesis order) in one tokenizer call, all hypotheses in another.
     */
    public TokenizedCorpus tokenize(Map<String, List<String>> refs, Map<String, String> hyps) {
        checkIds(refs, hyps, "the references", "the hypotheses");
        List<String> ids = new ArrayList<>(hyps.keySet());
        List<String> flatRefs = new ArrayList<>();
        for (String id : ids) {
            flatRefs.addAll(refs.get(id));
        }
        List<String> tokenizedRefs = tokenizer.tokenizeAll(flatRefs);
        List<String> tokenizedHyps = tokenizer.tokenizeAll(new ArrayList<>(hyps.values()));
        List<List<String>> grouped = new ArrayList<>(ids.size());
        int next = 0;
        for (String id : ids) {
            int count = refs.get(id).size();
            grouped.add(tokenizedRefs.subList(next, next + count));
            next += count;
        }
        return new TokenizedCorpus(ids, grouped, tokenizedHyps);
    }

    /**
     * Checks that both maps have the same ids and that every id has a reference.
     *
     * @param refsName how to name the references in errors, e.g. a file name
     * @param hypsName how to name the hypotheses in errors
     * @throws UserInputException naming the first offending id and where it is missing
     */
    public static void checkIds(
            Map<String, List<String>> refs,
            Map<String, String> hyps,
            String refsName,
            String hypsName) {
        if (hyps.isEmpty()) {
            throw new UserInputException(hypsName + " contain no captions");
        }
        for (String id : hyps.keySet()) {
            if (!refs.containsKey(id)) {
                throw new UserInputException(
                        "id \"" + id + "\" is in " + hypsName + " but missing from " + refsName);
            }
            if (refs.get(id).isEmpty()) {
                throw new UserInputException(
                        "id \"" + id + "\" has no reference caption in " + refsName);
            }
        }
        for (String id : refs.keySet()) {
            if (!hyps.containsKey(id)) {
                throw new UserInputException(
                        "id \"" + id + "\" is in " + refsName + " but missing from " + hypsName);
            }
        }
    }

    private static <V> Map<String, V> subset(Map<String, V> byId, Set<String> ids) {
        Map<String, V> out = new LinkedHashMap<>();
        for (String id : ids) {
            out.put(id, byId.get(id));
        }
        return out;
    }
}
