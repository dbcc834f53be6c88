package io.capstream.data.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.data.Split;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClevrSemanticScorerTest {
    private static final ObjectAttributes RED_CUBE =
            new ObjectAttributes(
                    ObjectSize.SMALL, ObjectColor.RED, Material.METAL, ObjectShape.CUBE);
    private static final ObjectAttributes BLUE_BALL =
            new ObjectAttributes(
                    ObjectSize.LARGE, ObjectColor.BLUE, Material.RUBBER, ObjectShape.SPHERE);

    private static GroundTruth truth() {
        Map<String, GroundTruth.Item> items = new LinkedHashMap<>();
        List<ObjectAttributes> scene = List.of(RED_CUBE, BLUE_BALL);
        items.put(
                "000000.png",
                new GroundTruth.Item(
                        0,
                        Split.TEST,
                        scene,
                        new ChangeMeaning(
                                ChangeType.COLOR, Optional.of(RED_CUBE), Optional.of("green"))));
        items.put(
                "000000.png_n",
                new GroundTruth.Item(0, Split.TEST, scene, ChangeMeaning.noChange()));
        items.put(
                "000001.png",
                new GroundTruth.Item(
                        1,
                        Split.TEST,
                        scene,
                        new ChangeMeaning(
                                ChangeType.MOVE, Optional.of(BLUE_BALL), Optional.empty())));
        items.put(
                "000001.png_n",
                new GroundTruth.Item(1, Split.TEST, scene, ChangeMeaning.noChange()));
        return new GroundTruth(items);
    }

    @Test
    void shouldScorePerfectlyWhenCaptionsSayWhatChanged() {
        SemanticScore score =
                new ClevrSemanticScorer(truth())
                        .score(
                                Map.of(
                                        "000000.png", "the tiny red shiny block turned green",
                                        "000000.png_n", "nothing has changed",
                                        "000001.png", "the big blue matte ball moved",
                                        "000001.png_n", "the scene remains the same"));
        SemanticScore.Breakdown all = score.overall();
        assertEquals(4, all.pairs());
        assertEquals(1.0, all.typeAccuracy());
        assertEquals(1.0, all.objectAccuracy());
        assertEquals(1.0, all.valueAccuracy());
        assertEquals(1.0, all.exactAccuracy());
        assertEquals(List.of("color", "move", "no-change"), List.copyOf(score.byType().keySet()));
        assertEquals(2, score.byType().get("no-change").pairs());
        assertTrue(Double.isNaN(score.byType().get("no-change").objectAccuracy()));
    }

    @Test
    void shouldSeparateTypeObjectAndValueErrorsWhenCaptionsAreWrong() {
        SemanticScore score =
                new ClevrSemanticScorer(truth())
                        .score(
                                Map.of(
                                        // right type and object, wrong colour
                                        "000000.png", "the small red metal cube became purple",
                                        // a change where there is none
                                        "000000.png_n", "the small red metal cube is gone",
                                        // right type, wrong object
                                        "000001.png", "the small red metal cube moved",
                                        // not parseable: counts as wrong
                                        "000001.png_n", "a red thing is somewhere"));
        SemanticScore.Breakdown all = score.overall();
        assertEquals(1, all.unparsed());
        assertEquals(2, all.typeCorrect());
        assertEquals(2, all.objectTotal());
        assertEquals(1, all.objectCorrect());
        assertEquals(1, all.valueTotal());
        assertEquals(0, all.valueCorrect());
        assertEquals(0, all.exactCorrect());
        assertEquals(0.0, score.byType().get("no-change").typeAccuracy());
        assertEquals(1.0, score.byType().get("color").objectAccuracy());
        assertTrue(score.format().contains("overall"), score.format());
    }

    @Test
    void shouldRejectWhenAHypothesisIdIsNotInTheGroundTruth() {
        UserInputException e =
                assertThrows(
                        UserInputException.class,
                        () -> new ClevrSemanticScorer(truth()).score(Map.of("000099.png", "x")));
        assertTrue(e.getMessage().contains("000099.png"), e.getMessage());
    }

    @Test
    void shouldScoreReferencesPerfectlyWhenScoringAGeneratedDataset(@TempDir Path tmp)
            throws Exception {
        ClevrChangeGenerator.builder()
                .setPairs(25)
                .setOutput(tmp)
                .optValFraction(0)
                .optTestFraction(0.4)
                .build()
                .generate();
        Map<String, List<String>> refs =
                new ObjectMapper()
                        .readValue(
                                ClevrLayout.refs(tmp, "test").toFile(), new TypeReference<>() {});
        Map<String, String> firstRefs = new LinkedHashMap<>();
        refs.forEach((id, captions) -> firstRefs.put(id, captions.get(4)));

        SemanticScore score =
                ClevrSemanticScorer.load(tmp.resolve(ClevrLayout.GROUND_TRUTH)).score(firstRefs);

        assertEquals(20, score.overall().pairs());
        assertEquals(1.0, score.overall().exactAccuracy());
    }
}
