package io.capstream.data.clevr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.data.Split;
import io.capstream.util.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {
    private static final String ITEM =
            """
            {"kind": "clevr-change", "items": {"000007.png": {"index": 7, "split": "val",
              "before": [{"shape": "cube", "color": "red", "size": "small", "material": "metal"}],
              "change": {"type": "material", "new_value": "rubber",
                "object": {"shape": "cube", "color": "red", "size": "small", "material": "metal"}}}}}
            """;

    @Test
    void shouldReadMeaningAndSceneWhenFileIsValid(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("gt.json"), ITEM);

        GroundTruth.Item item = GroundTruth.read(file).items().get("000007.png");

        ObjectAttributes cube =
                new ObjectAttributes(
                        ObjectSize.SMALL, ObjectColor.RED, Material.METAL, ObjectShape.CUBE);
        assertEquals(7, item.index());
        assertEquals(Split.VAL, item.split());
        assertEquals(List.of(cube), item.before());
        assertEquals(
                new ChangeMeaning(ChangeType.MATERIAL, Optional.of(cube), Optional.of("rubber")),
                item.change());
    }

    @Test
    void shouldNameFileAndItemWhenAnEntryIsBroken(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("gt.json"), ITEM.replace("\"red\"", "\"pink\""));

        UserInputException e = assertThrows(UserInputException.class, () -> GroundTruth.read(file));

        assertTrue(e.getMessage().contains("gt.json"), e.getMessage());
        assertTrue(e.getMessage().contains("000007.png"), e.getMessage());
        assertTrue(e.getMessage().contains("pink"), e.getMessage());
    }

    @Test
    void shouldRejectWhenFileIsNotClevrChangeGroundTruth(@TempDir Path tmp) throws Exception {
        Path other = Files.writeString(tmp.resolve("refs.json"), "{\"000001.png\": [\"a\"]}");
        Path missing = tmp.resolve("missing.json");

        assertTrue(
                assertThrows(UserInputException.class, () -> GroundTruth.read(other))
                        .getMessage()
                        .contains("refs.json"));
        assertTrue(
                assertThrows(UserInputException.class, () -> GroundTruth.read(missing))
                        .getMessage()
                        .contains("missing.json"));
    }
}
