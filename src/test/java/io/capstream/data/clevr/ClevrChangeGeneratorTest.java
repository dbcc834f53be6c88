package io.capstream.data.clevr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.data.Split;
import io.capstream.data.render.DeterministicPng;
import io.capstream.util.UserInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClevrChangeGeneratorTest {
    private static final int PAIRS = 40;
    private static final long SEED = 3;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path tmp;
    private static Path data;

    @BeforeAll
    static void generate() throws IOException {
        data = tmp.resolve("clevr");
        generator(data, SEED).generate();
    }

    private static ClevrChangeGenerator generator(Path out, long seed) {
        return ClevrChangeGenerator.builder()
                .setPairs(PAIRS)
                .setOutput(out)
                .optSeed(seed)
                .optValFraction(0.2)
                .optTestFraction(0.25)
                .build();
    }

    private static <T> T read(Path file, TypeReference<T> type) throws IOException {
        return JSON.readValue(file.toFile(), type);
    }

    @Test
    void shouldWriteThePublishedLayoutWhenGenerating() throws IOException {
        for (int i = 0; i < PAIRS; i++) {
            for (Path png :
                    List.of(
                            ClevrLayout.before(data, i),
                            ClevrLayout.semantic(data, i),
                            ClevrLayout.nonSemantic(data, i))) {
                BufferedImage image = ImageIO.read(png.toFile());
                assertEquals(64, image.getWidth(), png.toString());
                assertEquals(64, image.getHeight(), png.toString());
            }
        }
        assertEquals(PAIRS, count(data.resolve("images")));
        Map<String, List<String>> change =
                read(data.resolve("change_captions.json"), new TypeReference<>() {});
        Map<String, List<String>> noChange =
                read(data.resolve("no_change_captions.json"), new TypeReference<>() {});
        assertEquals(PAIRS, change.size());
        assertEquals(change.keySet(), noChange.keySet());
        assertTrue(change.containsKey("CLEVR_default_000039.png"));
        change.values().forEach(c -> assertEquals(5, c.size()));
        Map<String, List<String>> types =
                read(data.resolve("type_mapping.json"), new TypeReference<>() {});
        assertEquals(Set.of("color", "material", "add", "drop", "move"), types.keySet());
        Set<String> typed = new TreeSet<>();
        types.values().forEach(typed::addAll);
        assertEquals(PAIRS, typed.size());
        assertTrue(typed.contains("000000.png"));
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void shouldWriteDisjointSplitsCoveringEveryIndexWhenGenerating() throws IOException {
        Map<String, List<Integer>> splits =
                read(data.resolve("splits.json"), new TypeReference<>() {});
        assertEquals(Set.of("train", "val", "test"), splits.keySet());
        List<Integer> all = new ArrayList<>();
        splits.values().forEach(all::addAll);
        assertEquals(PAIRS, all.size());
        assertEquals(PAIRS, new HashSet<>(all).size());
        assertEquals(8, splits.get("val").size());
        assertEquals(10, splits.get("test").size());
        for (String split : splits.keySet()) {
            Map<String, List<String>> refs =
                    read(ClevrLayout.refs(data, split), new TypeReference<>() {});
            Map<String, List<String>> types =
                    read(ClevrLayout.types(data, split), new TypeReference<>() {});
            Set<String> expected = new TreeSet<>();
            splits.get(split)
                    .forEach(
                            i -> {
                                expected.add(ClevrLayout.pairId(i));
                                expected.add(ClevrLayout.noChangePairId(i));
                            });
            assertEquals(expected, refs.keySet(), split);
            Set<String> typed = new TreeSet<>();
            types.values().forEach(typed::addAll);
            assertEquals(expected, typed, split);
            assertEquals(splits.get(split).size(), types.get("no-change").size());
        }
    }

    @Test
    void shouldWriteCaptionsThatSayWhatTheGroundTruthSaysWhenGenerating() throws IOException {
        GroundTruth truth = GroundTruth.read(data.resolve("ground_truth.json"));
        assertEquals(2 * PAIRS, truth.items().size());
        int checked = 0;
        for (Split split : Split.values()) {
            Map<String, List<String>> refs =
                    read(ClevrLayout.refs(data, split.id()), new TypeReference<>() {});
            Map<String, List<String>> types =
                    read(ClevrLayout.types(data, split.id()), new TypeReference<>() {});
            for (Map.Entry<String, List<String>> e : refs.entrySet()) {
                GroundTruth.Item item = truth.items().get(e.getKey());
                assertEquals(split, item.split(), e.getKey());
                assertTrue(types.get(item.change().type().id()).contains(e.getKey()));
                for (String caption : e.getValue()) {
                    assertEquals(
                            Optional.of(item.change()),
                            ChangeCaptionGrammar.parse(caption),
                            e.getKey() + ": " + caption);
                    checked++;
                }
                // The referred object is visible in the before picture, except an added one.
                item.change()
                        .object()
                        .ifPresent(
                                o ->
                                        assertEquals(
                                                item.change().type() != ChangeType.ADD,
                                                item.before().contains(o),
                                                e.getKey()));
                assertEquals(Set.copyOf(item.before()).size(), item.before().size());
            }
        }
        assertEquals(2 * PAIRS * ChangeCaptions.PER_PAIR, checked);
    }

    @Test
    void shouldWriteTheRenderedScenesWhenGenerating() throws IOException {
        ClevrChangeSampler sampler = new ClevrChangeSampler(SEED, 64);
        for (int i = 0; i < 5; i++) {
            ClevrChangeSample s = sampler.sample(i);
            assertArrayEquals(
                    DeterministicPng.encode(
                            ClevrRenderer.render(s.after(), s.semanticDistractor(), 64)),
                    Files.readAllBytes(ClevrLayout.semantic(data, i)));
            assertArrayEquals(
                    DeterministicPng.encode(
                            ClevrRenderer.render(s.before(), s.nonSemanticDistractor(), 64)),
                    Files.readAllBytes(ClevrLayout.nonSemantic(data, i)));
        }
        Map<String, Object> gt = read(data.resolve("ground_truth.json"), new TypeReference<>() {});
        assertEquals("clevr-change", gt.get("kind"));
    }

    @Test
    void shouldWriteIdenticalBytesWhenGeneratedTwiceWithTheSameSeed() throws IOException {
        Path again = tmp.resolve("again");
        generator(again, SEED).generate();
        List<Path> files = files(data);
        assertEquals(3 * PAIRS + 4 + 1 + 6, files.size());
        assertEquals(files, files(again));
        for (Path f : files) {
            assertArrayEquals(
                    Files.readAllBytes(data.resolve(f)),
                    Files.readAllBytes(again.resolve(f)),
                    f.toString());
        }
    }

    @Test
    void shouldWriteOtherImagesWhenTheSeedDiffers() throws IOException {
        Path other = tmp.resolve("other-seed");
        generator(other, SEED + 1).generate();
        for (int i = 0; i < PAIRS; i++) {
            assertFalse(
                    Arrays.equals(
                            Files.readAllBytes(ClevrLayout.before(data, i)),
                            Files.readAllBytes(ClevrLayout.before(other, i))),
                    "index " + i);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void shouldRefuseANonEmptyDirectoryUnlessOverwriting() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(dir.resolve("notes.txt"), "keep me");
        ClevrChangeGenerator.Builder b =
                ClevrChangeGenerator.builder()
                        .setPairs(2)
                        .setOutput(dir)
                        .optValFraction(0)
                        .optTestFraction(0);
        UserInputException e = assertThrows(UserInputException.class, () -> b.build().generate());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());

        b.optOverwrite(true).build().generate();
        b.build().generate(); // a second overwrite replaces the first dataset
        assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));
        assertEquals(2, count(dir.resolve("images")));
    }

    @Test
    void shouldNameTheBadValueWhenBuiltWithInvalidOptions() {
        Path out = tmp.resolve("never");
        List<Runnable> bad =
                List.of(
                        () -> ClevrChangeGenerator.builder().setOutput(out).build(),
                        () -> ClevrChangeGenerator.builder().setPairs(0).setOutput(out).build(),
                        () -> ClevrChangeGenerator.builder().setPairs(3).build(),
                        () ->
                                ClevrChangeGenerator.builder()
                                        .setPairs(3)
                                        .setOutput(out)
                                        .optImageSize(8)
                                        .build(),
                        () ->
                                ClevrChangeGenerator.builder()
                                        .setPairs(3)
                                        .setOutput(out)
                                        .optValFraction(0.6)
                                        .optTestFraction(0.5)
                                        .build(),
                        () ->
                                ClevrChangeGenerator.builder()
                                        .setPairs(3)
                                        .setOutput(out)
                                        .optTestFraction(-0.1)
                                        .build());
        for (Runnable r : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
            assertFalse(e.getMessage().isBlank());
        }
    }
}
