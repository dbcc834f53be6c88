package io.capstream.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A before/after image pair with reference change captions (the DECIDER task).
 *
 * @param id the id references and hypotheses are keyed by; for the CLEVR-Change layout "000123.png"
 *     (semantic change) and "000123.png_n" (no change), as in the published evaluation files
 * @param before path of the "before" image
 * @param after path of the "after" image
 * @param captions reference captions, never empty
 * @param split the split it belongs to
 * @param changeType "color", "material", "add", "drop", "move", "no-change", or empty when the
 *     dataset does not say (Spot-the-Diff, Image-Editing-Request)
 */
public record CaptionedPair(
        String id,
        Path before,
        Path after,
        List<String> captions,
        Split split,
        Optional<String> changeType) {
    public CaptionedPair {
        if (captions.isEmpty()) {
            throw new IllegalArgumentException("pair " + id + " has no captions");
        }
        captions = List.copyOf(captions);
    }
}
