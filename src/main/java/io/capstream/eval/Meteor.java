package io.capstream.eval;

import java.util.List;

/**
 * METEOR 1.5 scoring as pycocoevalcap runs it ({@code meteor-1.5.jar -l en -norm}), without the
 * paraphrase table, which cannot be obtained: exact, Snowball-stem and WordNet-synonym matching
 * with METEOR 1.5's English parameters (α = 0.85, β = 0.20, γ = 0.60, δ = 0.75; module weights
 * exact 1.0, stem 0.6, synonym 0.8).
 *
 * <p>Each image is scored against every reference and keeps the best-scoring one (the first on a
 * tie); the corpus score comes from the best references' statistics summed over the corpus, like
 * METEOR's {@code EVAL} command, not from the mean of the image scores. Captions are the PTB
 * tokens, split on spaces; METEOR's own {@code -norm} re-tokenization of punctuation is not
 * applied. The function-word list is a standard English one (see {@link FunctionWords}).
 * Thread-safe.
 */
public final class Meteor {
    /** How reports name this metric. */
    public static final String DESCRIPTION =
            "METEOR (exact+stem+WordNet synonyms, no paraphrase table)";

    private final MeteorAligner aligner;

    /** METEOR with WordNet 3.1 synonyms from the classpath. */
    public Meteor() {
        this(WordNetSynonyms.INSTANCE);
    }

    Meteor(SynonymSets synonyms) {
        this.aligner = new MeteorAligner(synonyms);
    }

    /** Returns METEOR for the corpus (from summed statistics) and for each image. */
    public MetricScore score(TokenizedCorpus corpus) {
        double[] perImage = new double[corpus.size()];
        MeteorStats total = new MeteorStats();
        for (int i = 0; i < perImage.length; i++) {
            MeteorStats best = segment(corpus.hyps().get(i), corpus.refs().get(i));
            perImage[i] = best.score();
            total.add(best);
        }
        return new MetricScore(total.score(), perImage);
    }

    /** The statistics of the best-scoring reference for one hypothesis. */
    public MeteorStats segment(String hyp, List<String> refs) {
        List<String> hypWords = PyStrings.split(hyp);
        MeteorStats best = null;
        double bestScore = -1;
        for (String ref : refs) {
            MeteorStats stats = MeteorStats.of(aligner.align(hypWords, PyStrings.split(ref)));
            double score = stats.score();
            if (score > bestScore) {
                best = stats;
                bestScore = score;
            }
        }
        return best;
    }
}
