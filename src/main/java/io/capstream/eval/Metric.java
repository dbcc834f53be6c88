package io.capstream.eval;

/** The caption metrics reported by {@link CaptionScorer}, in pycocoevalcap's order. */
public enum Metric {
    BLEU_1("BLEU-1"),
    BLEU_2("BLEU-2"),
    BLEU_3("BLEU-3"),
    BLEU_4("BLEU-4"),
    METEOR("METEOR"),
    ROUGE_L("ROUGE-L"),
    CIDER_D("CIDEr-D");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    /** The name used in reports and in {@code capstream eval --json}, e.g. {@code "CIDEr-D"}. */
    public String label() {
        return label;
    }

    /** BLEU of order {@code n} (1..4). */
    public static Metric bleu(int n) {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("BLEU order must be 1..4, was " + n);
        }
        return values()[n - 1];
    }
}
