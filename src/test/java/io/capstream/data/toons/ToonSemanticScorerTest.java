package io.capstream.data.toons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToonSemanticScorerTest {
    @TempDir Path tmp;

    /** Image 1: two red cats jumping in the park; image 2: a blue ghost with a bird above it. */
    private static Map<String, ToonMeaning> truth() {
        Map<String, ToonMeaning> t = new LinkedHashMap<>();
        t.put(
                "1",
                new ToonMeaning(
                        Kind.CAT,
                        Colour.RED,
                        Action.JUMPING,
                        2,
                        Setting.PARK,
                        Optional.empty(),
                        Optional.empty()));
        t.put(
                "2",
                new ToonMeaning(
                        Kind.GHOST,
                        Colour.BLUE,
                        Action.FLOATING,
                        1,
                        Setting.SPACE,
                        Optional.of(
                                new ToonMeaning.Other(
                                        Kind.BIRD, Colour.YELLOW, Optional.of(Action.FLYING))),
                        Optional.of(Relation.ABOVE)));
        return t;
    }

    @Test
    void shouldScoreEverythingRightWhenHypothesesMatchThePictures() {
        ToonSemanticReport r =
                ToonSemanticScorer.score(
                        truth(),
                        Map.of(
                                "1", "two red cats are jumping in the park",
                                "2",
                                        "a blue ghost floats in space and a yellow bird flies above it"));
        assertEquals(2, r.images());
        assertEquals(1.0, r.parsed());
        assertEquals(1.0, r.kind());
        assertEquals(1.0, r.colour());
        assertEquals(1.0, r.action());
        assertEquals(1.0, r.count());
        assertEquals(1.0, r.setting());
        assertEquals(1.0, r.scene());
        assertEquals(1, r.imagesWithSecond());
        assertEquals(1.0, r.second());
        assertEquals(0.0, r.spuriousSecond());
    }

    @Test
    void shouldCountOnlyTheWrongAttributeWhenOneWordIsWrong() {
        ToonSemanticReport r =
                ToonSemanticScorer.score(
                        truth(),
                        Map.of(
                                "1", "two green cats are jumping in the park",
                                "2", "a blue ghost is floating below a yellow bird in space"));
        assertEquals(0.5, r.colour());
        assertEquals(1.0, r.kind());
        assertEquals(1.0, r.action());
        assertEquals(0.5, r.scene());
        assertEquals(1.0, r.second());
    }

    @Test
    void shouldCountUnparseableCaptionsAsWrongWhenScoring() {
        ToonSemanticReport r =
                ToonSemanticScorer.score(
                        truth(),
                        Map.of("1", "cats cats cats", "2", "a blue ghost floats in space"));
        assertEquals(0.5, r.parsed());
        assertEquals(0.5, r.kind());
        assertEquals(0.0, r.count() + r.colour() - 1.0, 1e-12);
        // image 2 has a second character that the caption leaves out
        assertEquals(0.0, r.second());
        assertEquals(0.0, r.scene());
        assertTrue(r.format().contains("parsed"));
        assertEquals(0.5, r.asMap().get("parsed"));
    }

    @Test
    void shouldReportASpuriousSecondCharacterWhenTheCaptionInventsOne() {
        ToonSemanticReport r =
                ToonSemanticScorer.score(
                        truth(),
                        Map.of("1", "two red cats are jumping next to a white dog in the park"));
        assertEquals(1.0, r.spuriousSecond());
        assertEquals(0.0, r.scene());
        assertTrue(Double.isNaN(r.second()));
        assertEquals(null, r.asMap().get("second"));
    }

    @Test
    void shouldNameTheIdWhenAHypothesisHasNoGroundTruth() {
        UserInputException e =
                assertThrows(
                        UserInputException.class,
                        () ->
                                ToonSemanticScorer.score(
                                        truth(), Map.of("99", "a red cat sits in the park")));
        assertTrue(e.getMessage().contains("'99'"), e.getMessage());
    }

    @Test
    void shouldScoreAgainstTheFileWhenGivenAGroundTruthPath() throws IOException {
        Path out = tmp.resolve("ds");
        ToonDatasetGenerator.generate(
                ToonDatasetConfig.builder().setImages(10).setOut(out).build(),
                new io.capstream.util.Progress(
                        "t",
                        10,
                        new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                        false));
        Path file = out.resolve(ToonGroundTruth.FILE_NAME);
        Map<String, String> hyps = new LinkedHashMap<>();
        var refs = ToonJson.MAPPER.readTree(out.resolve("eval/refs_train.json").toFile());
        refs.properties().forEach(e -> hyps.put(e.getKey(), e.getValue().get(0).asText()));
        ToonSemanticReport r = ToonSemanticScorer.score(file, hyps);
        assertEquals(hyps.size(), r.images());
        assertEquals(1.0, r.scene());
    }

    @Test
    void shouldRejectAFileWhenItIsNotAToonsGroundTruth() throws IOException {
        Path wrong =
                Files.writeString(tmp.resolve("gt.json"), "{\"kind\": \"clevr\", \"items\": {}}");
        UserInputException e =
                assertThrows(UserInputException.class, () -> ToonGroundTruth.read(wrong));
        assertTrue(e.getMessage().contains("gt.json"), e.getMessage());
        Path bad =
                Files.writeString(
                        tmp.resolve("bad.json"),
                        "{\"kind\": \"toons\", \"items\": {\"7\": {\"setting\": \"moon\"}}}");
        UserInputException e2 =
                assertThrows(UserInputException.class, () -> ToonGroundTruth.read(bad));
        assertTrue(e2.getMessage().contains("item 7"), e2.getMessage());
    }
}
