package io.capstream.data.toons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ToonDatasetConfigTest {
    private static ToonDatasetConfig.Builder valid() {
        return ToonDatasetConfig.builder().setImages(100).setOut(Path.of("out"));
    }

    private static void assertRejected(
            UnaryOperator<ToonDatasetConfig.Builder> change, String... words) {
        UserInputException e =
                assertThrows(UserInputException.class, () -> change.apply(valid()).build());
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), () -> "'" + e.getMessage() + "' lacks " + w);
        }
    }

    @Test
    void shouldUseTheDocumentedDefaultsWhenOnlyRequiredValuesAreSet() {
        ToonDatasetConfig c = valid().build();
        assertEquals(64, c.size());
        assertEquals(1, c.seed());
        assertEquals(80, c.trainCount());
        assertEquals(10, c.valCount());
        assertEquals(10, c.testCount());
    }

    @Test
    void shouldNameTheOptionWhenAValueIsOutOfRange() {
        assertRejected(b -> b.setImages(0), "--images", "was 0");
        assertRejected(b -> b.setImages(1_000_000), "--images");
        assertRejected(b -> b.optSize(16), "--size", "16");
        assertRejected(b -> b.optSize(4096), "--size");
        assertRejected(b -> b.optValFraction(-0.1), "--val-fraction", "-0.1");
        assertRejected(b -> b.optTestFraction(1.0), "--test-fraction", "1.0");
        assertRejected(b -> b.optTestFraction(Double.NaN), "--test-fraction");
        assertRejected(b -> b.optValFraction(0.5).optTestFraction(0.5), "no training images");
    }

    @Test
    void shouldRequireImagesAndOutWhenMissing() {
        UserInputException images =
                assertThrows(
                        UserInputException.class,
                        () -> ToonDatasetConfig.builder().setOut(Path.of("x")).build());
        assertTrue(images.getMessage().contains("--images"));
        UserInputException out =
                assertThrows(
                        UserInputException.class,
                        () -> ToonDatasetConfig.builder().setImages(3).build());
        assertTrue(out.getMessage().contains("--out"));
    }

    @Test
    void shouldKeepOneTrainingImageWhenTheDatasetIsTiny() {
        ToonDatasetConfig c = valid().setImages(1).build();
        assertEquals(1, c.trainCount());
        assertEquals(0, c.valCount() + c.testCount());
    }
}
