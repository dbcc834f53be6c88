package io.capstream.data.toons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.data.Split;
import io.capstream.util.Progress;
import io.capstream.util.UserInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToonDatasetGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path tmp;

    private static ToonDatasetConfig.Builder config(Path out, int images) {
        return ToonDatasetConfig.builder().setImages(images).setOut(out);
    }

    private static ToonDatasetGenerator.Summary generate(ToonDatasetConfig c) {
        Progress quiet =
                new Progress(
                        "toons", c.images(), new PrintStream(new ByteArrayOutputStream()), false);
        return ToonDatasetGenerator.generate(c, quiet);
    }

    @Test
    void shouldWriteAConsistentCocoLayoutWhenGenerating() throws IOException {
        Path out = tmp.resolve("ds");
        ToonDatasetGenerator.Summary summary = generate(config(out, 40).optSize(64).build());
        assertEquals(Map.of(Split.TRAIN, 32, Split.VAL, 4, Split.TEST, 4), summary.counts());

        JsonNode truth = JSON.readTree(out.resolve("ground_truth.json").toFile());
        assertEquals("toons", truth.get("kind").asText());
        Set<Integer> allImages = new HashSet<>();
        Set<Long> annotationIds = new HashSet<>();
        for (Split split : Split.values()) {
            JsonNode coco =
                    JSON.readTree(
                            out.resolve("annotations/captions_" + split.id() + ".json").toFile());
            JsonNode refs =
                    JSON.readTree(out.resolve("eval/refs_" + split.id() + ".json").toFile());
            assertTrue(coco.has("info"));
            Map<Integer, List<String>> captions = new TreeMap<>();
            for (JsonNode image : coco.get("images")) {
                int id = image.get("id").asInt();
                assertTrue(allImages.add(id), "image " + id + " in two splits");
                String file = image.get("file_name").asText();
                assertEquals(String.format("toon_%06d.png", id), file);
                assertEquals(64, image.get("width").asInt());
                assertEquals(64, image.get("height").asInt());
                BufferedImage png = ImageIO.read(out.resolve("images").resolve(file).toFile());
                assertEquals(64, png.getWidth());
                assertEquals(64, png.getHeight());
                captions.put(id, new ArrayList<>());
                JsonNode item = truth.get("items").get(Integer.toString(id));
                assertEquals(split.id(), item.get("split").asText());
                assertEquals(file, item.get("file_name").asText());
            }
            for (JsonNode a : coco.get("annotations")) {
                assertTrue(annotationIds.add(a.get("id").asLong()), "annotation id repeated: " + a);
                List<String> list = captions.get(a.get("image_id").asInt());
                assertTrue(list != null, "annotation for an image outside the split: " + a);
                list.add(a.get("caption").asText());
            }
            assertEquals(captions.size(), refs.size());
            for (Map.Entry<Integer, List<String>> e : captions.entrySet()) {
                assertEquals(ToonCaptioner.CAPTIONS_PER_IMAGE, e.getValue().size());
                List<String> fromRefs = new ArrayList<>();
                refs.get(Integer.toString(e.getKey())).forEach(n -> fromRefs.add(n.asText()));
                assertEquals(e.getValue(), fromRefs);
            }
        }
        Set<Integer> expected = new HashSet<>();
        for (int id = 1; id <= 40; id++) {
            expected.add(id);
        }
        assertEquals(expected, allImages, "splits must cover every image");
        assertEquals(40, truth.get("items").size());
        try (Stream<Path> files = Files.list(out.resolve("images"))) {
            assertEquals(40, files.count());
        }
    }

    @Test
    void shouldParseEveryReferenceBackToTheGroundTruthWhenGenerated() throws IOException {
        Path out = tmp.resolve("ds");
        generate(config(out, 60).build());
        Map<String, ToonMeaning> truth = ToonGroundTruth.read(out.resolve("ground_truth.json"));
        assertEquals(60, truth.size());
        int refs = 0;
        for (Split split : Split.values()) {
            JsonNode json =
                    JSON.readTree(out.resolve("eval/refs_" + split.id() + ".json").toFile());
            for (var e : json.properties()) {
                for (JsonNode caption : e.getValue()) {
                    ToonMeaning m = ToonCaptionGrammar.parseStrict(caption.asText()).orElseThrow();
                    assertTrue(m.consistentWith(truth.get(e.getKey())), caption.asText());
                    refs++;
                }
            }
        }
        assertEquals(60 * ToonCaptioner.CAPTIONS_PER_IMAGE, refs);
    }

    @Test
    void shouldWriteIdenticalBytesWhenSeedAndOptionsAreTheSame() throws IOException {
        generate(config(tmp.resolve("a"), 16).optSeed(9).build());
        generate(config(tmp.resolve("b"), 16).optSeed(9).build());
        generate(config(tmp.resolve("c"), 16).optSeed(10).build());
        Map<Path, byte[]> a = contents(tmp.resolve("a"));
        Map<Path, byte[]> b = contents(tmp.resolve("b"));
        Map<Path, byte[]> c = contents(tmp.resolve("c"));
        assertEquals(a.keySet(), b.keySet());
        assertEquals(16 + 7, a.size());
        for (Path p : a.keySet()) {
            assertArrayEquals(a.get(p), b.get(p), p + " differs between two runs");
        }
        assertEquals(a.keySet(), c.keySet());
        int differing = 0;
        for (Path p : a.keySet()) {
            differing += java.util.Arrays.equals(a.get(p), c.get(p)) ? 0 : 1;
        }
        assertTrue(differing > 16, "another seed changed only " + differing + " files");
    }

    private static Map<Path, byte[]> contents(Path root) throws IOException {
        Map<Path, byte[]> out = new HashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p), Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void shouldRefuseANonEmptyDirectoryWhenOverwriteIsNotSet() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("ds"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        UserInputException e =
                assertThrows(UserInputException.class, () -> generate(config(out, 3).build()));
        assertTrue(
                e.getMessage().contains("--out") && e.getMessage().contains("not empty"),
                e.getMessage());
    }

    @Test
    void shouldRemoveTheEarlierImagesWhenOverwriting() throws IOException {
        Path out = tmp.resolve("ds");
        generate(config(out, 12).build());
        generate(config(out, 5).optOverwrite(true).build());
        try (Stream<Path> files = Files.list(out.resolve("images"))) {
            assertEquals(5, files.count());
        }
        assertEquals(5, ToonGroundTruth.read(out.resolve("ground_truth.json")).size());
    }

    @Test
    void shouldRenderAtTheRequestedSizeWhenSizeIsGiven() throws IOException {
        Path out = tmp.resolve("ds");
        generate(config(out, 2).optSize(128).optValFraction(0).optTestFraction(0).build());
        BufferedImage png = ImageIO.read(out.resolve("images/toon_000001.png").toFile());
        assertEquals(128, png.getWidth());
        JsonNode val = JSON.readTree(out.resolve("annotations/captions_val.json").toFile());
        assertEquals(0, val.get("images").size());
        assertFalse(Files.readString(out.resolve("ground_truth.json")).contains("\r"));
    }
}
