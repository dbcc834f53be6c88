package io.capstream.data.imports;

import static io.capstream.data.imports.Fixtures.list;
import static io.capstream.data.imports.Fixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.capstream.data.CaptionedImage;
import io.capstream.data.Split;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoCaptionsReaderTest {
    @TempDir Path dir;

    private final CocoCaptionsReader reader = new CocoCaptionsReader();

    private String failure(ImportOptions opts) {
        return assertThrows(UserInputException.class, () -> reader.read(dir, opts)).getMessage();
    }

    private static List<String> ids(ImportResult<CaptionedImage> r) {
        return r.samples().stream().map(CaptionedImage::id).toList();
    }

    @Test
    void shouldGroupCaptionsByImageWhenLayoutIsComplete() {
        Fixtures.coco(dir);

        ImportResult<CaptionedImage> r = reader.read(dir, ImportOptions.defaults());

        assertEquals(List.of("2", "1", "7", "9"), ids(r));
        CaptionedImage first = r.samples().get(0);
        assertEquals(Split.TRAIN, first.split());
        assertEquals(dir.resolve("images/toon_2.png"), first.image());
        assertEquals(List.of("A cat jumps over box 2.", "a cat jumps"), first.captions());
        assertEquals(Split.VAL, r.samples().get(2).split());
        assertEquals(Split.TEST, r.samples().get(3).split());
    }

    @Test
    void shouldMapCocoFileNamesToSplitsWhenGivenCocoReleaseLayout() {
        Fixtures.json(dir.resolve("annotations/captions_train2014.json"), Fixtures.cocoCaptions(1));
        Fixtures.json(dir.resolve("annotations/captions_val2014.json"), Fixtures.cocoCaptions(7));
        Fixtures.png(dir.resolve("train2014/toon_1.png"));
        Fixtures.png(dir.resolve("images/val2014/toon_7.png"));

        ImportResult<CaptionedImage> r = reader.read(dir, ImportOptions.defaults());

        assertEquals(List.of("1", "7"), ids(r));
        assertEquals(dir.resolve("train2014/toon_1.png"), r.samples().get(0).image());
        assertEquals(Split.VAL, r.samples().get(1).split());
        assertEquals(dir.resolve("images/val2014/toon_7.png"), r.samples().get(1).image());
    }

    @Test
    void shouldReadKarpathySplitsWhenOnlyDatasetCocoJsonExists() {
        Fixtures.json(
                dir.resolve("dataset_coco.json"),
                map(
                        "dataset",
                        "coco",
                        "images",
                        list(
                                karpathy(391895, "test", "val2014"),
                                karpathy(5, "restval", "val2014"),
                                karpathy(9, "train", "train2014"))));
        Fixtures.png(dir.resolve("val2014/COCO_391895.jpg"));
        Fixtures.png(dir.resolve("val2014/COCO_5.jpg"));
        Fixtures.png(dir.resolve("train2014/COCO_9.jpg"));

        ImportResult<CaptionedImage> r = reader.read(dir, ImportOptions.defaults());

        // restval is train; order by split, then file order
        assertEquals(List.of("5", "9", "391895"), ids(r));
        assertEquals(Split.TRAIN, r.samples().get(0).split());
        assertEquals(List.of("A man rides a moped."), r.samples().get(2).captions());
        assertEquals(
                List.of("391895"),
                ids(reader.read(dir, ImportOptions.defaults().withSplit(Split.TEST))));
    }

    @Test
    void shouldRejectUnknownKarpathySplitWhenEntryHasOne() {
        Fixtures.json(
                dir.resolve("annotations/dataset_coco.json"),
                map("images", list(karpathy(5, "holdout", "val2014"))));

        assertEquals(
                "annotations/dataset_coco.json: entry \"5\": field \"split\": unknown split the"
                        + " string \"holdout\" (expected train, restval, val or test)",
                failure(ImportOptions.defaults()));
    }

    @Test
    void shouldFindImagesInSplitFolderWhenNotDirectlyUnderImages() {
        Fixtures.json(dir.resolve("annotations/captions_val.json"), Fixtures.cocoCaptions(7));
        Fixtures.png(dir.resolve("images/val/toon_7.png"));

        ImportResult<CaptionedImage> r = reader.read(dir, ImportOptions.defaults());

        assertEquals(dir.resolve("images/val/toon_7.png"), r.samples().get(0).image());
    }

    private static Map<String, Object> karpathy(int cocoid, String split, String folder) {
        return map(
                "filepath",
                folder,
                "filename",
                "COCO_" + cocoid + ".jpg",
                "imgid",
                0,
                "split",
                split,
                "cocoid",
                cocoid,
                "sentences",
                list(map("raw", "A man rides a moped. ", "tokens", list("a"))));
    }

    @Test
    void shouldNameEntryWhenImageHasNoCaptions() {
        Fixtures.coco(dir);
        Map<String, Object> val = Fixtures.cocoCaptions(7);
        val.put("annotations", list());
        Fixtures.json(dir.resolve("annotations/captions_val.json"), val);

        assertEquals(
                "annotations/captions_val.json: entry \"7\": no captions in \"annotations\"",
                failure(ImportOptions.defaults()));
    }

    @Test
    void shouldNameImageFileWhenItIsMissing() throws IOException {
        Fixtures.coco(dir);
        Files.delete(dir.resolve("images/toon_9.png"));

        assertEquals(
                "annotations/captions_test.json: entry \"9\": missing image file images/toon_9.png",
                failure(ImportOptions.defaults()));
    }

    @Test
    void shouldFailEvenWithSkipBadWhenImagesArrayIsMissing() {
        Fixtures.coco(dir);
        Fixtures.json(dir.resolve("annotations/captions_test.json"), map("annotations", list()));

        assertEquals(
                "annotations/captions_test.json: field \"images\": expected an array of {\"id\","
                        + " \"file_name\"} objects, found nothing",
                failure(ImportOptions.defaults().withSkipBad(true)));
    }

    @Test
    void shouldListOrphanCaptionsWithoutCountingThemWhenSkipBad() throws IOException {
        Fixtures.coco(dir);
        Map<String, Object> train = Fixtures.cocoCaptions(2, 1);
        @SuppressWarnings("unchecked")
        List<Object> annotations = (List<Object>) train.get("annotations");
        annotations.add(map("image_id", 404, "caption", "a lost caption"));
        Fixtures.json(dir.resolve("annotations/captions_train.json"), train);
        Files.delete(dir.resolve("images/toon_7.png"));

        ImportResult<CaptionedImage> r =
                reader.read(dir, ImportOptions.defaults().withSkipBad(true));

        assertEquals(List.of("2", "1", "9"), ids(r));
        assertEquals(1, r.skipped());
        assertEquals(
                List.of(
                        "annotations/captions_train.json: annotations for image_id 404: no such"
                                + " image in \"images\"",
                        "annotations/captions_val.json: entry \"7\": missing image file"
                                + " images/toon_7.png"),
                r.problems());
    }
}
