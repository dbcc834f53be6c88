package io.capstream.data.clevr;

import java.util.List;

/**
 * Everything generated for one scene index: the before scene, the semantically changed after scene,
 * the distractors of both after pictures and the reference captions of both pairs.
 *
 * @param index the scene index (file number)
 * @param before the "before" (default) scene, rendered without distractor
 * @param after the scene after the semantic change
 * @param change the semantic change turning {@code before} into {@code after}
 * @param semanticDistractor jitter of the semantic after picture
 * @param nonSemanticDistractor jitter of the non-semantic after picture, which shows {@code before}
 * @param changeCaptions references of the semantic pair
 * @param noChangeCaptions references of the no-change pair
 */
public record ClevrChangeSample(
        int index,
        Scene before,
        Scene after,
        SceneChange change,
        Distractor semanticDistractor,
        Distractor nonSemanticDistractor,
        List<String> changeCaptions,
        List<String> noChangeCaptions) {
    public ClevrChangeSample {
        changeCaptions = List.copyOf(changeCaptions);
        noChangeCaptions = List.copyOf(noChangeCaptions);
    }
}
