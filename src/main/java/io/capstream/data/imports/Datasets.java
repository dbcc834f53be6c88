package io.capstream.data.imports;

import io.capstream.data.CaptionedImage;
import io.capstream.data.CaptionedPair;
import io.capstream.util.UserInputException;
import java.nio.file.Path;

/** Reads a dataset directory in any supported layout. */
public final class Datasets {
    private Datasets() {}

    /** Reads an image-pair dataset, detecting its layout. */
    public static ImportResult<CaptionedPair> readPairs(Path dir, ImportOptions opts) {
        return readPairs(dir, DatasetFormat.detect(dir), opts);
    }

    /**
     * Reads an image-pair dataset in the given layout.
     *
     * @throws UserInputException when the layout holds single images, or the data is bad
     */
    public static ImportResult<CaptionedPair> readPairs(
            Path dir, DatasetFormat format, ImportOptions opts) {
        return pairReader(format, dir).read(dir, opts);
    }

    /** Reads a single-image caption dataset, detecting its layout. */
    public static ImportResult<CaptionedImage> readImages(Path dir, ImportOptions opts) {
        return readImages(dir, DatasetFormat.detect(dir), opts);
    }

    /**
     * Reads a single-image caption dataset in the given layout.
     *
     * @throws UserInputException when the layout holds image pairs, or the data is bad
     */
    public static ImportResult<CaptionedImage> readImages(
            Path dir, DatasetFormat format, ImportOptions opts) {
        if (format != DatasetFormat.COCO) {
            throw new UserInputException(
                    dir + ": " + format.id() + " is an image-pair dataset, not single images");
        }
        return new CocoCaptionsReader().read(dir, opts);
    }

    private static DatasetReader<CaptionedPair> pairReader(DatasetFormat format, Path dir) {
        switch (format) {
            case CLEVR_CHANGE:
                return new ClevrChangeReader();
            case SPOT_THE_DIFF:
                return new SpotTheDiffReader();
            case IMAGE_EDITING_REQUEST:
                return new ImageEditingRequestReader();
            default:
                throw new UserInputException(
                        dir + ": " + format.id() + " is a single-image dataset, not image pairs");
        }
    }
}
