package io.capstream.data.imports;

import static io.capstream.data.imports.Fixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class ImageEditingRequestReaderTest {
    @TempDir Path dir;

    private final ImageEditingRequestReader reader = new ImageEditingRequestReader();

    private String failure(ImportOptions opts) {
        return assertThrows(UserInputException.class, () -> reader.read(dir, opts)).getMessage();
    }

    @Test
    void shouldKeyPairsByUidWhenLayoutIsComplete() {
        Fixtures.imageEditingRequest(dir);

        ImportResult<CaptionedPair> r = reader.read(dir, ImportOptions.defaults());

        assertEquals(
                List.of("Reddit_1", "Reddit_2", "Reddit_3", "Reddit_4"),
                r.samples().stream().map(CaptionedPair::id).toList());
        CaptionedPair valid = r.samples().get(2);
        assertEquals(Split.VAL, valid.split());
        assertEquals(dir.resolve("images/Reddit_3_a.jpg"), valid.before());
        assertEquals(dir.resolve("images/Reddit_3_b.jpg"), valid.after());
        // case and punctuation as published; only whitespace is normalised
        assertEquals(List.of("Remove the man on the LEFT.", "crop the photo"), valid.captions());
        assertEquals(Optional.empty(), valid.changeType());
    }

    @Test
    void shouldFindImagesNextToTheJsonWhenThereIsNoImagesFolder() {
        Fixtures.json(dir.resolve("test.json"), list(Fixtures.editingRequest("Reddit_9")));
        Fixtures.png(dir.resolve("Reddit_9_a.jpg"));
        Fixtures.png(dir.resolve("Reddit_9_b.jpg"));

        ImportResult<CaptionedPair> r = reader.read(dir, ImportOptions.defaults());

        assertEquals(1, r.samples().size());
        assertEquals(dir.resolve("Reddit_9_a.jpg"), r.samples().get(0).before());
        assertEquals(Split.TEST, r.samples().get(0).split());
    }

    @Test
    void shouldNameImageFileWhenAnImageIsMissing() throws IOException {
        Fixtures.imageEditingRequest(dir);
        Files.delete(dir.resolve("images/Reddit_4_b.jpg"));

        assertEquals(
                "test.json: entry \"Reddit_4\": missing image file images/Reddit_4_b.jpg",
                failure(ImportOptions.defaults()));
    }

    @Test
    void shouldNameFieldWhenImageNameIsNotAString() {
        Fixtures.imageEditingRequest(dir);
        Map<String, Object> entry = Fixtures.editingRequest("Reddit_3");
        entry.put("img0", 42);
        Fixtures.json(dir.resolve("valid.json"), list(entry));

        assertEquals(
                "valid.json: entry \"Reddit_3\": field \"img0\": expected a file name, found the"
                        + " number 42",
                failure(ImportOptions.defaults()));
    }

    @Test
    void shouldSkipBadEntryAndKeepTheRestWhenSkipBad() {
        Fixtures.imageEditingRequest(dir);
        Map<String, Object> noSents = Fixtures.editingRequest("Reddit_5");
        noSents.remove("sents");
        Fixtures.json(
                dir.resolve("train.json"),
                list(
                        Fixtures.editingRequest("Reddit_1"),
                        noSents,
                        Fixtures.editingRequest("Reddit_1")));

        ImportResult<CaptionedPair> r =
                reader.read(dir, ImportOptions.defaults().withSkipBad(true));

        assertEquals(
                List.of("Reddit_1", "Reddit_3", "Reddit_4"),
                r.samples().stream().map(CaptionedPair::id).toList());
        assertEquals(2, r.skipped());
        assertEquals(
                List.of(
                        "train.json: entry \"Reddit_5\": expected an array of caption strings,"
                                + " found nothing",
                        "train.json: entry \"Reddit_1\": duplicate uid"),
                r.problems());
    }

    @Test
    void shouldFailEvenWithSkipBadWhenJsonIsMalformed() {
        Fixtures.imageEditingRequest(dir);
        Fixtures.text(dir.resolve("valid.json"), "[{\"uid\": \"Reddit_3\"");

        String msg = failure(ImportOptions.defaults().withSkipBad(true));

        assertEquals(true, msg.startsWith("valid.json: malformed JSON at line 1"), msg);
    }
}
