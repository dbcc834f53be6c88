package io.capstream.eval;

import java.util.Set;

/** Looks up the synonym sets (WordNet synsets) a word belongs to, for METEOR's synonym stage. */
interface SynonymSets {
    /** Identifiers of the synsets of the word or of any of its lemmas; empty if none. */
    Set<Long> of(String word);
}
