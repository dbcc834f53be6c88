package io.capstream.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CIDEr-D exactly as pycocoevalcap's {@code Cider} computes it ({@code cider/cider_scorer.py}, n =
 * 4, σ = 6).
 *
 * <p>Document frequencies come from the references of the evaluated images only: {@code df(g)} is
 * the number of images whose references contain {@code g}, and {@code N} is the number of images,
 * so scores depend on which images are scored together (with N = 1 every weight is 0). A sentence
 * becomes per-order vectors of {@code tf·(log N − log max(1, df))}; against each reference, order n
 * contributes {@code Σ min(w_hyp, w_ref)·w_ref / (|hyp_n|·|ref_n|)} (undivided when a norm is 0)
 * times {@code e^(−δ²/2σ²)}, where δ is the difference of the bigram counts (the reference code's
 * length). The image score is {@code 10 · mean_n(Σ_refs) / #refs}; the corpus score is the mean.
 */
public final class CiderD {
    private static final double SIGMA = 6.0;

    /** Returns CIDEr-D for the corpus and for each image. */
    public MetricScore score(TokenizedCorpus corpus) {
        int images = corpus.size();
        List<NGrams> hyps = new ArrayList<>(images);
        List<List<NGrams>> refs = new ArrayList<>(images);
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (int i = 0; i < images; i++) {
            hyps.add(NGrams.of(corpus.hyps().get(i)));
            List<NGrams> imageRefs = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String ref : corpus.refs().get(i)) {
                NGrams grams = NGrams.of(ref);
                imageRefs.add(grams);
                for (int n = 1; n <= NGrams.MAX_N; n++) {
                    seen.addAll(grams.order(n).keySet());
                }
            }
            refs.add(imageRefs);
            for (String gram : seen) {
                documentFrequency.merge(gram, 1, Integer::sum);
            }
        }
        double logN = Math.log(images);
        double[] perImage = new double[images];
        for (int i = 0; i < images; i++) {
            Vector hyp = new Vector(hyps.get(i), documentFrequency, logN);
            double[] sum = new double[NGrams.MAX_N];
            for (NGrams ref : refs.get(i)) {
                double[] sim = hyp.similarity(new Vector(ref, documentFrequency, logN));
                for (int n = 0; n < sum.length; n++) {
                    sum[n] += sim[n];
                }
            }
            double mean = (((sum[0] + sum[1]) + sum[2]) + sum[3]) / NGrams.MAX_N;
            perImage[i] = mean / refs.get(i).size() * 10.0;
        }
        return new MetricScore(MetricScore.mean(perImage), perImage);
    }

    /**
     * The Gaussian length penalty {@code e^(−δ²/2σ²)}. The reference code's "length" is the number
     * of bigrams, {@code max(words − 1, 0)}, so δ is the word-count difference except when a side
     * is empty.
     */
    static double lengthPenalty(int hypBigrams, int refBigrams) {
        double delta = hypBigrams - refBigrams;
        return Math.pow(Math.E, -(delta * delta) / (2 * SIGMA * SIGMA));
    }

    /** The reference code's sentence length: its number of bigrams. */
    static int bigramLength(NGrams grams) {
        int count = 0;
        for (int tf : grams.order(2).values()) {
            count += tf;
        }
        return count;
    }

    /** The tf-idf vectors of one sentence, split by n-gram order. */
    private static final class Vector {
        final List<Map<String, Double>> weights = new ArrayList<>(NGrams.MAX_N);
        final double[] norm = new double[NGrams.MAX_N];
        final int bigramCount;

        Vector(NGrams grams, Map<String, Integer> documentFrequency, double logN) {
            for (int n = 1; n <= NGrams.MAX_N; n++) {
                Map<String, Double> w = new LinkedHashMap<>();
                double squares = 0;
                for (Map.Entry<String, Integer> e : grams.order(n).entrySet()) {
                    int df = documentFrequency.getOrDefault(e.getKey(), 0);
                    double weight = e.getValue() * (logN - Math.log(Math.max(1.0, df)));
                    w.put(e.getKey(), weight);
                    squares += Math.pow(weight, 2);
                }
                weights.add(w);
                norm[n - 1] = Math.sqrt(squares);
            }
            this.bigramCount = bigramLength(grams);
        }

        double[] similarity(Vector ref) {
            double penalty = lengthPenalty(bigramCount, ref.bigramCount);
            double[] val = new double[NGrams.MAX_N];
            for (int n = 0; n < val.length; n++) {
                Map<String, Double> refWeights = ref.weights.get(n);
                for (Map.Entry<String, Double> e : weights.get(n).entrySet()) {
                    double refWeight = refWeights.getOrDefault(e.getKey(), 0.0);
                    val[n] += Math.min(e.getValue(), refWeight) * refWeight;
                }
                if (norm[n] != 0 && ref.norm[n] != 0) {
                    val[n] /= norm[n] * ref.norm[n];
                }
                val[n] *= penalty;
            }
            return val;
        }
    }
}
