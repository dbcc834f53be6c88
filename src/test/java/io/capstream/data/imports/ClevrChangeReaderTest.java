package io.capstream.data.imports;

import static io.capstream.data.imports.Fixtures.list;
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

class ClevrChangeReaderTest {
    @TempDir Path dir;

    private final ClevrChangeReader reader = new ClevrChangeReader();

    private ImportResult<CaptionedPair> read(ImportOptions opts) {
        return reader.read(dir, opts);
    }

    private String failure() {
        return assertThrows(UserInputException.class, () -> read(ImportOptions.defaults()))
                .getMessage();
    }

    @Test
    void shouldGiveTwoPairsPerIndexWhenLayoutIsComplete() {
        Fixtures.clevrChange(dir);

        ImportResult<CaptionedPair> r = read(ImportOptions.defaults());

        assertEquals(12, r.samples().size());
        assertEquals(0, r.skipped());
        assertEquals(List.of(), r.problems());
        assertEquals(DatasetFormat.CLEVR_CHANGE, r.format());
        List<String> ids = r.samples().stream().map(CaptionedPair::id).toList();
        // train indices are listed as [2, 0, 1]; the order is by split, then index
        assertEquals(
                List.of(
                        "000000.png",
                        "000000.png_n",
                        "000001.png",
                        "000001.png_n",
                        "000002.png",
                        "000002.png_n",
                        "000003.png",
                        "000003.png_n",
                        "000004.png",
                        "000004.png_n",
                        "000005.png",
                        "000005.png_n"),
                ids);

        CaptionedPair change = r.samples().get(6);
        assertEquals(Split.VAL, change.split());
        assertEquals(dir.resolve("images/CLEVR_default_000003.png"), change.before());
        assertEquals(dir.resolve("sc_images/CLEVR_semantic_000003.png"), change.after());
        assertEquals(List.of("the object changed 3", "object 3 moved"), change.captions());
        assertEquals(Optional.of("drop"), change.changeType());

        CaptionedPair same = r.samples().get(7);
        assertEquals(dir.resolve("images/CLEVR_default_000003.png"), same.before());
        assertEquals(dir.resolve("nsc_images/CLEVR_nonsemantic_000003.png"), same.after());
        assertEquals(List.of("nothing has changed", "the scene remains the same"), same.captions());
        assertEquals(Optional.of(ClevrChangeReader.NO_CHANGE), same.changeType());

        assertEquals(Optional.of("move"), r.samples().get(10).changeType());
        assertEquals(Split.TEST, r.samples().get(11).split());
    }

    @Test
    void shouldReadDataSubdirectoryWhenGivenTheDatasetRoot() {
        Fixtures.clevrChange(dir.resolve("data"));

        ImportResult<CaptionedPair> r = read(ImportOptions.defaults());

        assertEquals(12, r.samples().size());
        assertEquals(
                dir.resolve("data/images/CLEVR_default_000000.png"), r.samples().get(0).before());
    }

    @Test
    void shouldReadOnlyTheWantedSplitWhenFiltered() {
        Fixtures.clevrChange(dir);

        ImportResult<CaptionedPair> r = read(ImportOptions.defaults().withSplit(Split.TEST));

        assertEquals(
                List.of("000004.png", "000004.png_n", "000005.png", "000005.png_n"),
                r.samples().stream().map(CaptionedPair::id).toList());
    }

    @Test
    void shouldLeaveSemanticChangeTypeEmptyWhenTypeMappingIsAbsent() throws IOException {
        Fixtures.clevrChange(dir);
        Files.delete(dir.resolve("type_mapping.json"));

        ImportResult<CaptionedPair> r = read(ImportOptions.defaults());

        assertEquals(Optional.empty(), r.samples().get(0).changeType());
        assertEquals(Optional.of("no-change"), r.samples().get(1).changeType());
    }

    @Test
    void shouldNameFileAndEntryWhenCaptionListIsEmpty() {
        Fixtures.clevrChange(dir);
        Map<String, Object> captions = Fixtures.clevrChangeCaptions();
        captions.put("CLEVR_default_000004.png", list("  ", ""));
        Fixtures.json(dir.resolve("change_captions.json"), captions);

        assertEquals(
                "change_captions.json: entry \"CLEVR_default_000004.png\": empty caption list",
                failure());
    }

    @Test
    void shouldNameEntryWhenIndexInSplitsHasNoCaptions() {
        Fixtures.clevrChange(dir);
        Map<String, Object> captions = Fixtures.clevrNoChangeCaptions();
        captions.remove("CLEVR_default_000005.png");
        Fixtures.json(dir.resolve("no_change_captions.json"), captions);

        assertEquals(
                "no_change_captions.json: entry \"CLEVR_default_000005.png\": no captions, but image"
                        + " index 5 is listed in splits.json \"test\"",
                failure());
    }

    @Test
    void shouldNameImageFileWhenAnImageIsMissing() throws IOException {
        Fixtures.clevrChange(dir);
        Files.delete(dir.resolve("sc_images/CLEVR_semantic_000001.png"));

        assertEquals(
                "splits.json: entry \"train\" index 1: missing image file"
                        + " sc_images/CLEVR_semantic_000001.png",
                failure());
    }

    @Test
    void shouldNameEntryWhenCaptionsHaveTheWrongShape() {
        Fixtures.clevrChange(dir);
        Map<String, Object> captions = Fixtures.clevrChangeCaptions();
        captions.put("CLEVR_default_000002.png", list("fine", 7));
        Fixtures.json(dir.resolve("change_captions.json"), captions);

        assertEquals(
                "change_captions.json: entry \"CLEVR_default_000002.png\": caption [1]: expected a"
                        + " string, found the number 7",
                failure());
    }

    @Test
    void shouldRejectUnknownSplitWhenSplitsJsonHasOne() {
        Fixtures.clevrChange(dir);
        Map<String, Object> splits = Fixtures.clevrSplits();
        splits.put("holdout", list(5));
        Fixtures.json(dir.resolve("splits.json"), splits);

        assertEquals(
                "splits.json: entry \"holdout\": unknown split (expected train, val or test)",
                failure());
    }

    @Test
    void shouldRejectIndexWhenItIsNotANumber() {
        Fixtures.clevrChange(dir);
        Map<String, Object> splits = Fixtures.clevrSplits();
        splits.put("val", list(3, "four"));
        Fixtures.json(dir.resolve("splits.json"), splits);

        assertEquals(
                "splits.json: entry \"val\"[1]: expected a non-negative image index, found the"
                        + " string \"four\"",
                failure());
    }

    @Test
    void shouldFailEvenWithSkipBadWhenAnnotationFileIsMissing() throws IOException {
        Fixtures.clevrChange(dir);
        Files.delete(dir.resolve("no_change_captions.json"));

        UserInputException e =
                assertThrows(
                        UserInputException.class,
                        () -> read(ImportOptions.defaults().withSkipBad(true)));

        assertTrue(
                e.getMessage().startsWith("no_change_captions.json: missing annotation file"),
                e.getMessage());
    }

    @Test
    void shouldFailEvenWithSkipBadWhenJsonIsMalformed() {
        Fixtures.clevrChange(dir);
        Fixtures.text(dir.resolve("splits.json"), "{\"train\": [0, 1,\n  \"val\": [3]}");

        UserInputException e =
                assertThrows(
                        UserInputException.class,
                        () -> read(ImportOptions.defaults().withSkipBad(true)));

        assertTrue(
                e.getMessage().startsWith("splits.json: malformed JSON at line 2"), e.getMessage());
    }

    @Test
    void shouldFailEvenWithSkipBadWhenFileHasTheWrongTopLevelShape() {
        Fixtures.clevrChange(dir);
        Fixtures.json(dir.resolve("change_captions.json"), list("a", "b"));

        UserInputException e =
                assertThrows(
                        UserInputException.class,
                        () -> read(ImportOptions.defaults().withSkipBad(true)));

        assertEquals(
                "change_captions.json: expected an object of image name -> array of captions,"
                        + " found an array",
                e.getMessage());
    }

    @Test
    void shouldSkipCountAndListBadEntriesWhenSkipBad() throws IOException {
        Fixtures.clevrChange(dir);
        Files.delete(dir.resolve("nsc_images/CLEVR_nonsemantic_000000.png")); // costs 1 pair
        Files.delete(dir.resolve("images/CLEVR_default_000003.png")); // costs 2 pairs
        Map<String, Object> captions = Fixtures.clevrChangeCaptions();
        captions.put("CLEVR_default_000005.png", list()); // costs 1 pair
        Fixtures.json(dir.resolve("change_captions.json"), captions);
        Map<String, Object> types = Fixtures.clevrTypes();
        types.put("add", list("000002.png", "not-a-name")); // costs no pair
        Fixtures.json(dir.resolve("type_mapping.json"), types);

        ImportResult<CaptionedPair> r = read(ImportOptions.defaults().withSkipBad(true));

        assertEquals(8, r.samples().size());
        assertEquals(4, r.skipped());
        assertEquals(
                List.of(
                        "type_mapping.json: entry \"add\"[1]: expected an image name like"
                                + " \"000123.png\", found the string \"not-a-name\"",
                        "splits.json: entry \"train\" index 0: missing image file"
                                + " nsc_images/CLEVR_nonsemantic_000000.png",
                        "splits.json: entry \"val\" index 3: missing image file"
                                + " images/CLEVR_default_000003.png",
                        "change_captions.json: entry \"CLEVR_default_000005.png\": empty caption"
                                + " list"),
                r.problems());
        assertEquals(
                List.of(
                        "000000.png",
                        "000001.png",
                        "000001.png_n",
                        "000002.png",
                        "000002.png_n",
                        "000004.png",
                        "000004.png_n",
                        "000005.png_n"),
                r.samples().stream().map(CaptionedPair::id).toList());
        assertEquals(Optional.of("add"), r.samples().get(3).changeType());
    }

    @Test
    void shouldSkipRepeatedIndexWhenSkipBad() {
        Fixtures.clevrChange(dir);
        Map<String, Object> splits = Fixtures.clevrSplits();
        splits.put("test", list(4, 5, 0));
        Fixtures.json(dir.resolve("splits.json"), splits);

        ImportResult<CaptionedPair> r = read(ImportOptions.defaults().withSkipBad(true));

        assertEquals(12, r.samples().size());
        assertEquals(2, r.skipped());
        assertEquals(
                List.of("splits.json: entry \"test\"[2]: index 0 is also listed in \"train\""),
                r.problems());
    }
}
