package io.capstream.model;

import java.util.List;

/**
 * A caption with the model's confidence in each word.
 *
 * @param text the words joined by single spaces
 * @param tokens the words
 * @param tokenConfidences probability the model gave each word, same length as tokens
 * @param score caption-level confidence: geometric mean of the token confidences (1 for an empty
 *     caption)
 */
public record GeneratedCaption(
        String text, List<String> tokens, float[] tokenConfidences, float score) {
    public GeneratedCaption {
        tokens = List.copyOf(tokens);
        if (tokens.size() != tokenConfidences.length) {
            throw new IllegalArgumentException(
                    tokens.size() + " tokens but " + tokenConfidences.length + " confidences");
        }
    }

    /** Builds a caption from words and confidences, computing text and score. */
    public static GeneratedCaption of(List<String> tokens, float[] confidences) {
        double logSum = 0;
        for (float c : confidences) {
            logSum += Math.log(Math.max(c, 1e-12f));
        }
        float score = confidences.length == 0 ? 1f : (float) Math.exp(logSum / confidences.length);
        return new GeneratedCaption(String.join(" ", tokens), tokens, confidences.clone(), score);
    }
}
