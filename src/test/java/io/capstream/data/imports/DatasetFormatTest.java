package io.capstream.data.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFormatTest {
    @TempDir Path dir;

    @Test
    void shouldDetectEachLayoutWhenItsFilesArePresent() {
        assertEquals(
                DatasetFormat.CLEVR_CHANGE,
                DatasetFormat.detect(Fixtures.clevrChange(dir.resolve("c"))));
        assertEquals(
                DatasetFormat.SPOT_THE_DIFF,
                DatasetFormat.detect(Fixtures.spotTheDiff(dir.resolve("s"))));
        assertEquals(
                DatasetFormat.IMAGE_EDITING_REQUEST,
                DatasetFormat.detect(Fixtures.imageEditingRequest(dir.resolve("i"))));
        assertEquals(DatasetFormat.COCO, DatasetFormat.detect(Fixtures.coco(dir.resolve("o"))));
    }

    @Test
    void shouldDetectLayoutWhenItIsInDataSubdirectory() {
        Fixtures.spotTheDiff(dir.resolve("data"));

        assertEquals(DatasetFormat.SPOT_THE_DIFF, DatasetFormat.detect(dir));
    }

    @Test
    void shouldListWhatWasLookedForWhenNothingMatches() {
        Fixtures.png(dir.resolve("images/a.png"));

        String msg =
                assertThrows(UserInputException.class, () -> DatasetFormat.detect(dir))
                        .getMessage();

        assertTrue(msg.startsWith(dir + ": no known dataset layout here or in data/"), msg);
        for (String looked :
                List.of(
                        "clevr-change: change_captions.json",
                        "spot-the-diff: annotations/{train,val,test}.json with resized_images/",
                        "image-editing-request: {train,valid,test}.json",
                        "coco: annotations/captions_{train,val,test}.json")) {
            assertTrue(msg.contains(looked), msg);
        }
    }

    @Test
    void shouldAskForFormatWhenSeveralLayoutsMatch() {
        Fixtures.clevrChange(dir);
        Fixtures.json(dir.resolve("test.json"), List.of());

        String msg =
                assertThrows(UserInputException.class, () -> DatasetFormat.detect(dir))
                        .getMessage();

        assertEquals(
                dir
                        + ": looks like several dataset layouts (clevr-change,"
                        + " image-editing-request); choose one with --format",
                msg);
    }

    @Test
    void shouldNameDirectoryWhenItDoesNotExist() {
        Path missing = dir.resolve("nope");

        assertEquals(
                missing + ": no such dataset directory",
                assertThrows(UserInputException.class, () -> DatasetFormat.detect(missing))
                        .getMessage());
    }

    @Test
    void shouldParseCommandLineNamesWhenCaseDiffers() {
        assertEquals(
                DatasetFormat.IMAGE_EDITING_REQUEST, DatasetFormat.parse("Image-Editing-Request"));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DatasetFormat.parse("clevr"));
        assertEquals(
                "unknown dataset format 'clevr' (expected one of clevr-change, spot-the-diff,"
                        + " image-editing-request, coco)",
                e.getMessage());
    }
}
