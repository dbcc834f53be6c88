package io.capstream.model;

import ai.djl.ndarray.NDArray;
import io.capstream.model.nn.Tensors;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The named scalar loss terms of one training step and their weights, so a trainer can log each
 * term and back-propagate {@link #total()} = Σ weight·value. A term switched off in the config is
 * absent. Term names: {@value #INFONCE}, {@value #KL}, {@value #CLUB}, {@value #SKL}, {@value #CE},
 * {@value #REG}, {@value #CD}, {@value #CLUB_ESTIMATOR}.
 *
 * <p>{@value #CLUB_ESTIMATOR} is the CLUB network's own likelihood loss (DECIDER eq. 7 needs q_ψ
 * fitted); its inputs are detached and the main terms see ψ detached, so one backward of the total
 * gives the encoders' gradients from the main terms and ψ's gradients from its own loss only.
 */
public final class LossTerms {
    /** Symmetric InfoNCE between image (pair) and caption representations. */
    public static final String INFONCE = "infonce";

    /** VIB KL terms to N(0, I), summed over modalities. */
    public static final String KL = "kl";

    /** CLUB upper bound of I(uni-image; difference). */
    public static final String CLUB = "club";

    /** Symmetric KL of DECIDER Theorem 1. */
    public static final String SKL = "skl";

    /** Cross-entropy, summed over cascade stages. */
    public static final String CE = "ce";

    /** x0 regression ‖x̂0 − x0‖², summed over cascade stages. */
    public static final String REG = "reg";

    /** Contrastive diffusion loss with adversarial samples. */
    public static final String CD = "cd";

    /** The CLUB estimator's own negative log-likelihood (only reaches ψ). */
    public static final String CLUB_ESTIMATOR = "club_estimator";

    private final Map<String, NDArray> values = new LinkedHashMap<>();
    private final Map<String, Float> weights = new LinkedHashMap<>();

    /**
     * Adds a term.
     *
     * @param name the term name
     * @param value a scalar
     * @param weight its weight in {@link #total()}
     */
    public void add(String name, NDArray value, float weight) {
        if (values.containsKey(name)) {
            throw new IllegalArgumentException("loss term " + name + " added twice");
        }
        values.put(name, value);
        weights.put(name, weight);
    }

    /**
     * Moves every term out of a batch scope to the caller's manager.
     *
     * @param scope the scope the terms were computed in
     * @return this
     */
    public LossTerms keep(io.capstream.model.nn.BatchScope scope) {
        values.values().forEach(scope::keep);
        return this;
    }

    /** Names of the present terms, in the order they were added. */
    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** Whether a term is present. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** A term's scalar value (throws if absent). */
    public NDArray get(String name) {
        NDArray v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException(
                    "no loss term " + name + " (present: " + names() + ")");
        }
        return v;
    }

    /** A term's weight in the total. */
    public float weight(String name) {
        get(name);
        return weights.get(name);
    }

    /** Σ weight·value over the present terms: back-propagate this. */
    public NDArray total() {
        NDArray total = null;
        for (Map.Entry<String, NDArray> e : values.entrySet()) {
            NDArray term = Tensors.scale(e.getValue(), weights.get(e.getKey()));
            total = total == null ? term : total.add(term);
        }
        if (total == null) {
            throw new IllegalStateException("no loss terms");
        }
        return total;
    }

    /** Unweighted values as floats, for logging. */
    public Map<String, Float> toFloats() {
        Map<String, Float> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.getFloat()));
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        toFloats()
                .forEach(
                        (k, v) ->
                                sb.append(sb.length() == 0 ? "" : " ")
                                        .append(k)
                                        .append('=')
                                        .append(String.format(java.util.Locale.ROOT, "%.4f", v)));
        return sb.toString();
    }
}
