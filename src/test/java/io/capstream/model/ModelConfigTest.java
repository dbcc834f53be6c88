package io.capstream.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigTest {

    @Test
    void shouldUsePaperSizesAndTaskDefaultsWhenPresetsAreBuilt() {
        ModelConfig small = ModelConfig.preset("cpu-small", ModelConfig.Task.IBA_CD);
        assertEquals(128, small.modelDim());
        assertEquals(16, small.embedDim());
        assertEquals(16, small.visualTokens());
        assertEquals(2, small.stages());
        assertFalse(small.contrastive());
        ModelConfig base = ModelConfig.preset("gpu-base", ModelConfig.Task.DECIDER);
        assertEquals(512, base.modelDim());
        assertEquals(8, base.heads());
        assertEquals(3, base.denoiserLayers());
        assertEquals(1, base.stages());
        assertTrue(base.pos() && base.neg());
        assertEquals(0.01f, base.lambdaCd());
    }

    @Test
    void shouldRoundTripThroughJsonWhenSavedAndLoaded(@TempDir Path dir) throws Exception {
        ModelConfig c =
                ModelConfig.preset("cpu-small", ModelConfig.Task.DECIDER)
                        .withOverrides(Map.of("schedule", "cosine", "generator", "autoregressive"));
        assertTrue(c.toJson().contains("\"schedule\" : \"cosine\""), c.toJson());
        Path file = dir.resolve("config.json");
        c.save(file);
        assertEquals(c, ModelConfig.load(file));
    }

    @Test
    void shouldParseStringValuesWhenOverriding() {
        ModelConfig c =
                ModelConfig.preset("cpu-small", ModelConfig.Task.IBA_CD)
                        .withOverrides(Map.of("heads", "8", "tau", "0.07", "ib", "false"));
        assertEquals(8, c.heads());
        assertEquals(0.07f, c.tau());
        assertFalse(c.ib());
    }

    @Test
    void shouldNameUnknownKeyWhenOverriding() {
        UserInputException e =
                assertThrows(
                        UserInputException.class,
                        () ->
                                ModelConfig.preset("cpu-small", ModelConfig.Task.IBA_CD)
                                        .withOverrides(Map.of("hidden", 3)));
        assertTrue(e.getMessage().contains("'hidden'"), e.getMessage());
    }

    @Test
    void shouldNameEveryBadKeyWhenValuesAreInvalid() {
        UserInputException e =
                assertThrows(
                        UserInputException.class,
                        () ->
                                ModelConfig.preset("cpu-small", ModelConfig.Task.IBA_CD)
                                        .withOverrides(
                                                Map.of("heads", 3, "dropout", 1.5, "stages", 0)));
        assertTrue(e.getMessage().contains("heads = 3"), e.getMessage());
        assertTrue(e.getMessage().contains("dropout = 1.5"), e.getMessage());
        assertTrue(e.getMessage().contains("stages = 0"), e.getMessage());
    }

    @Test
    void shouldRejectDiffusionWithoutLossWhenCeAndRegAreOff() {
        UserInputException e =
                assertThrows(
                        UserInputException.class,
                        () ->
                                ModelConfig.preset("cpu-small", ModelConfig.Task.IBA_CD)
                                        .withOverrides(Map.of("ce", false, "reg", false)));
        assertTrue(e.getMessage().contains("ce = false"), e.getMessage());
    }

    @Test
    void shouldNameMissingKeyAndBadValueWhenParsingJson() {
        String json = ModelConfig.preset("cpu-small", ModelConfig.Task.IBA_CD).toJson();
        UserInputException missing =
                assertThrows(
                        UserInputException.class,
                        () -> ModelConfig.fromJson(json.replace("\"heads\" : 4,", ""), "c.json"));
        assertTrue(missing.getMessage().contains("heads"), missing.getMessage());
        UserInputException bad =
                assertThrows(
                        UserInputException.class,
                        () ->
                                ModelConfig.fromJson(
                                        json.replace(
                                                "\"schedule\" : \"sqrt\"", "\"schedule\" : \"x\""),
                                        "c.json"));
        assertTrue(bad.getMessage().contains("schedule"), bad.getMessage());
        assertThrows(
                UserInputException.class,
                () -> ModelConfig.preset("huge", ModelConfig.Task.IBA_CD));
    }
}
