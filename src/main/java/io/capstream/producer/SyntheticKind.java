package io.capstream.producer;

import java.util.Locale;

/** What the synthetic feed generates. */
public enum SyntheticKind {
    /** CLEVR-Change-like before/after pairs, half with a semantic change, half distractor-only. */
    PAIRS,
    /** Toon scenes: single cartoon images. */
    TOONS;

    /** The name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
