package io.capstream.data.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.capstream.data.CaptionedImage;
import io.capstream.data.CaptionedPair;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
    @TempDir Path dir;

    @Test
    void shouldReadDetectedPairLayoutWhenAskedForPairs() {
        Fixtures.imageEditingRequest(dir);

        ImportResult<CaptionedPair> r = Datasets.readPairs(dir, ImportOptions.defaults());

        assertEquals(DatasetFormat.IMAGE_EDITING_REQUEST, r.format());
        assertEquals(4, r.samples().size());
    }

    @Test
    void shouldReadDetectedCocoLayoutWhenAskedForImages() {
        Fixtures.coco(dir);

        ImportResult<CaptionedImage> r = Datasets.readImages(dir, ImportOptions.defaults());

        assertEquals(DatasetFormat.COCO, r.format());
        assertEquals(4, r.samples().size());
    }

    @Test
    void shouldRefuseWhenLayoutHoldsTheOtherKindOfSample() {
        Fixtures.coco(dir.resolve("coco"));
        Fixtures.clevrChange(dir.resolve("clevr"));

        assertEquals(
                dir.resolve("coco") + ": coco is a single-image dataset, not image pairs",
                assertThrows(
                                UserInputException.class,
                                () ->
                                        Datasets.readPairs(
                                                dir.resolve("coco"), ImportOptions.defaults()))
                        .getMessage());
        assertEquals(
                dir.resolve("clevr") + ": clevr-change is an image-pair dataset, not single images",
                assertThrows(
                                UserInputException.class,
                                () ->
                                        Datasets.readImages(
                                                dir.resolve("clevr"), ImportOptions.defaults()))
                        .getMessage());
    }
}
