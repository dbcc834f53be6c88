package io.capstream.eval;

import java.util.ArrayList;
import java.util.List;

/** Builds small tokenized corpora for metric tests: one hypothesis and its references per image. */
final class Corpora {
    private final List<String> ids = new ArrayList<>();
    private final List<List<String>> refs = new ArrayList<>();
    private final List<String> hyps = new ArrayList<>();

    Corpora image(String hyp, String... references) {
        ids.add("img" + ids.size());
        hyps.add(hyp);
        refs.add(List.of(references));
        return this;
    }

    TokenizedCorpus build() {
        return new TokenizedCorpus(ids, refs, hyps);
    }

    static TokenizedCorpus one(String hyp, String... references) {
        return new Corpora().image(hyp, references).build();
    }
}
