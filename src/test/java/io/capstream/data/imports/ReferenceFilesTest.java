package io.capstream.data.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.data.CaptionedPair;
import io.capstream.data.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceFilesTest {
    @TempDir Path dir;

    private static Map<String, List<String>> readBack(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), new TypeReference<>() {});
    }

    @Test
    void shouldWriteReferencesAndTypesOfOneSplitWhenPairsHaveTypes() throws IOException {
        List<CaptionedPair> pairs =
                new ClevrChangeReader()
                        .read(Fixtures.clevrChange(dir.resolve("ds")), ImportOptions.defaults())
                        .samples();

        Path refs = dir.resolve("out/refs.json");
        Path types = dir.resolve("out/types.json");
        ReferenceFiles.write(ReferenceFiles.pairReferences(pairs, Split.TEST), refs);
        ReferenceFiles.write(ReferenceFiles.changeTypes(pairs, Split.TEST), types);

        assertEquals(
                Map.of(
                        "000004.png", List.of("the object changed 4", "object 4 moved"),
                        "000004.png_n",
                                List.of("nothing has changed", "the scene remains the same"),
                        "000005.png", List.of("the object changed 5", "object 5 moved"),
                        "000005.png_n",
                                List.of("nothing has changed", "the scene remains the same")),
                readBack(refs));
        assertEquals(
                List.of("000004.png", "000004.png_n", "000005.png", "000005.png_n"),
                new ArrayList<>(readBack(refs).keySet()));
        assertEquals(
                Map.of(
                        "move", List.of("000004.png", "000005.png"),
                        "no-change", List.of("000004.png_n", "000005.png_n")),
                readBack(types));
    }

    @Test
    void shouldWriteImageReferencesAndNoTypesWhenDatasetHasNone() throws IOException {
        var images =
                new CocoCaptionsReader()
                        .read(Fixtures.coco(dir.resolve("ds")), ImportOptions.defaults())
                        .samples();
        var spot =
                new SpotTheDiffReader()
                        .read(Fixtures.spotTheDiff(dir.resolve("sd")), ImportOptions.defaults())
                        .samples();

        Path refs = dir.resolve("refs.json");
        ReferenceFiles.write(ReferenceFiles.imageReferences(images, Split.TRAIN), refs);

        assertEquals(
                Map.of(
                        "2", List.of("A cat jumps over box 2.", "a cat jumps"),
                        "1", List.of("A cat jumps over box 1.", "a cat jumps")),
                readBack(refs));
        assertEquals(Map.of(), ReferenceFiles.changeTypes(spot, Split.TRAIN));
    }
}
