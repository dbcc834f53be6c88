package io.capstream.data;

import java.nio.file.Path;
import java.util.List;

/**
 * One image with its reference captions (the IBA-CD task).
 *
 * @param id the id references and hypotheses are keyed by (COCO image id as a string)
 * @param image path of the image file
 * @param captions reference captions, never empty
 * @param split the split it belongs to
 */
public record CaptionedImage(String id, Path image, List<String> captions, Split split) {
    public CaptionedImage {
        if (captions.isEmpty()) {
            throw new IllegalArgumentException("image " + id + " has no captions");
        }
        captions = List.copyOf(captions);
    }
}
