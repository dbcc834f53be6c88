package io.capstream.model;

import io.capstream.model.image.ModelImage;

/**
 * What a captioner is asked to describe: one image (the {@code iba-cd} task) or a before/after pair
 * (the {@code decider} task). Images are already decoded and resized by {@link
 * io.capstream.model.image.ImagePreprocessor}.
 */
public sealed interface CaptionInput {
    /** One picture to caption. */
    record Single(ModelImage image) implements CaptionInput {}

    /** Two pictures of the same scene; the caption describes what changed. */
    record Pair(ModelImage before, ModelImage after) implements CaptionInput {
        public Pair {
            if (before.size() != after.size()) {
                throw new IllegalArgumentException(
                        "pair images differ in size: " + before.size() + " vs " + after.size());
            }
        }
    }
}
