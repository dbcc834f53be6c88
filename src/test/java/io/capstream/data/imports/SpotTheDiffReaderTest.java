package io.capstream.data.imports;

import static io.capstream.data.imports.Fixtures.list;
import static io.capstream.data.imports.Fixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.data.CaptionedPair;
import io.capstream.data.Split;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpotTheDiffReaderTest {
    @TempDir Path dir;

    private final SpotTheDiffReader reader = new SpotTheDiffReader();

    private String failure(ImportOptions opts) {
        return assertThrows(UserInputException.class, () -> reader.read(dir, opts)).getMessage();
    }

    private void rewrite(String split, List<Object> entries) {
        Fixtures.json(dir.resolve("annotations/" + split + ".json"), entries);
    }

    @Test
    void shouldReadPairsInFileOrderWhenLayoutIsComplete() {
        Fixtures.spotTheDiff(dir);

        ImportResult<CaptionedPair> r = reader.read(dir, ImportOptions.defaults());

        assertEquals(
                List.of("11", "10", "20", "30"),
                r.samples().stream().map(CaptionedPair::id).toList());
        CaptionedPair first = r.samples().get(0);
        assertEquals(Split.TRAIN, first.split());
        assertEquals(dir.resolve("resized_images/11.png"), first.before());
        assertEquals(dir.resolve("resized_images/11_2.png"), first.after());
        // the empty sentence is dropped, whitespace collapsed
        assertEquals(List.of("the white car is gone", "a person walks"), first.captions());
        assertEquals(Optional.empty(), first.changeType());
        assertEquals(List.of("the door is open"), r.samples().get(3).captions());
        assertEquals(Split.TEST, r.samples().get(3).split());
    }

    @Test
    void shouldReadDataSubdirectoryAndJpegImagesWhenPngIsAbsent() throws IOException {
        Fixtures.spotTheDiff(dir.resolve("data"));
        Files.delete(dir.resolve("data/resized_images/20_2.png"));
        Fixtures.png(dir.resolve("data/resized_images/20_2.jpg"));

        ImportResult<CaptionedPair> r =
                reader.read(dir, ImportOptions.defaults().withSplit(Split.VAL));

        assertEquals(1, r.samples().size());
        assertEquals(dir.resolve("data/resized_images/20_2.jpg"), r.samples().get(0).after());
    }

    @Test
    void shouldReportEmptyCaptionListWhenAllSentencesAreEmpty() {
        Fixtures.spotTheDiff(dir);
        rewrite("val", list(map("img_id", "20", "sentences", list("", " "))));

        assertEquals(
                "annotations/val.json: entry \"20\": empty caption list",
                failure(ImportOptions.defaults()));
    }

    @Test
    void shouldNameImageFileWhenAfterImageIsMissing() throws IOException {
        Fixtures.spotTheDiff(dir);
        Files.delete(dir.resolve("resized_images/30_2.png"));

        assertEquals(
                "annotations/test.json: entry \"30\": missing image file resized_images/30_2.png",
                failure(ImportOptions.defaults()));
    }

    @Test
    void shouldNamePositionWhenEntryHasNoImageId() {
        Fixtures.spotTheDiff(dir);
        rewrite("train", list(map("id", "11", "sentences", list("x"))));

        assertEquals(
                "annotations/train.json: entry [0]: expected an object with a string \"img_id\","
                        + " found \"img_id\": nothing",
                failure(ImportOptions.defaults()));
    }

    @Test
    void shouldRejectDuplicateIdWhenSplitListsItTwice() {
        Fixtures.spotTheDiff(dir);
        rewrite(
                "train",
                list(
                        map("img_id", "10", "sentences", list("a")),
                        map("img_id", "10", "sentences", list("b"))));

        assertEquals(
                "annotations/train.json: entry \"10\": duplicate img_id",
                failure(ImportOptions.defaults()));
    }

    @Test
    void shouldFailWhenWantedSplitFileIsMissing() throws IOException {
        Fixtures.spotTheDiff(dir);
        Files.delete(dir.resolve("annotations/val.json"));

        String msg = failure(ImportOptions.defaults().withSplit(Split.VAL).withSkipBad(true));

        assertTrue(
                msg.startsWith("annotations/val.json: missing annotation file for split \"val\""),
                msg);
        // without a filter the other splits are still read
        assertEquals(3, reader.read(dir, ImportOptions.defaults()).samples().size());
    }

    @Test
    void shouldFailEvenWithSkipBadWhenAnnotationFileIsNotAnArray() {
        Fixtures.spotTheDiff(dir);
        Fixtures.json(dir.resolve("annotations/test.json"), map("img_id", "30"));

        assertEquals(
                "annotations/test.json: expected an array of {\"img_id\", \"sentences\"} objects,"
                        + " found an object",
                failure(ImportOptions.defaults().withSkipBad(true)));
    }

    @Test
    void shouldSkipCountAndListBadEntriesWhenSkipBad() throws IOException {
        Fixtures.spotTheDiff(dir);
        Map<String, List<Object>> annotations = Fixtures.spotTheDiffAnnotations();
        annotations.get("train").add(map("img_id", "12", "sentences", "not a list"));
        rewrite("train", annotations.get("train"));
        Files.delete(dir.resolve("resized_images/20.png"));

        ImportResult<CaptionedPair> r =
                reader.read(dir, ImportOptions.defaults().withSkipBad(true));

        assertEquals(
                List.of("11", "10", "30"), r.samples().stream().map(CaptionedPair::id).toList());
        assertEquals(2, r.skipped());
        assertEquals(
                List.of(
                        "annotations/train.json: entry \"12\": expected an array of caption"
                                + " strings, found the string \"not a list\"",
                        "annotations/val.json: entry \"20\": missing image file"
                                + " resized_images/20.png"),
                r.problems());
    }
}
