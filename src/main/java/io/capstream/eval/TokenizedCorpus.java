package io.capstream.eval;

import java.util.List;

/**
 * Already tokenized captions of one evaluated set, in image order: what every metric scores. Each
 * caption is a string of tokens joined by single spaces, as {@link PtbTokenizer} returns them.
 *
 * @param ids the image ids, for reporting
 * @param refs the reference captions of each image (at least one each)
 * @param hyps the hypothesis caption of each image (may be empty)
 */
public record TokenizedCorpus(List<String> ids, List<List<String>> refs, List<String> hyps) {
    public TokenizedCorpus {
        ids = List.copyOf(ids);
        refs = refs.stream().map(List::copyOf).toList();
        hyps = List.copyOf(hyps);
        if (refs.size() != ids.size() || hyps.size() != ids.size()) {
            throw new IllegalArgumentException(
                    "ids, refs and hyps differ in size: "
                            + ids.size()
                            + ", "
                            + refs.size()
                            + ", "
                            + hyps.size());
        }
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a corpus needs at least one image");
        }
        for (int i = 0; i < refs.size(); i++) {
            if (refs.get(i).isEmpty()) {
                throw new IllegalArgumentException("image " + ids.get(i) + " has no reference");
            }
        }
    }

    /** Number of images. */
    public int size() {
        return ids.size();
    }
}
