package io.capstream.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptionFilesTest {
    @TempDir Path dir;

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    @Test
    void shouldKeepFileOrderWhenReadingCaptions() throws IOException {
        Path refs = write("refs.json", "{\"b\": [\"x\", \"y\"], \"a\": [\"z\"]}");
        Path hyps = write("hyps.json", "{\"b\": \"x\", \"a\": \"\"}");
        Path types = write("types.json", "{\"color\": [\"a\", 7]}");

        assertEquals(List.of("b", "a"), List.copyOf(CaptionFiles.readReferences(refs).keySet()));
        assertEquals(List.of("x", "y"), CaptionFiles.readReferences(refs).get("b"));
        assertEquals(Map.of("b", "x", "a", ""), CaptionFiles.readHypotheses(hyps));
        assertEquals(Map.of("color", List.of("a", "7")), CaptionFiles.readTypes(types));
    }

    @Test
    void shouldNameFileWhenJsonIsMalformed() throws IOException {
        Path refs = write("refs.json", "{\"a\": [\"x\",");

        UserInputException e =
                assertThrows(UserInputException.class, () -> CaptionFiles.readReferences(refs));

        assertTrue(e.getMessage().startsWith(refs + ": not valid JSON"), e.getMessage());
    }

    @Test
    void shouldNameEntryWhenShapeIsWrong() throws IOException {
        Path hyps = write("hyps.json", "{\"a\": \"ok\", \"b\": [\"not\", \"a string\"]}");
        Path refs = write("refs.json", "{\"a\": [\"ok\", 3]}");
        Path empty = write("empty.json", "{\"a\": []}");
        Path list = write("list.json", "[\"a\"]");

        assertEquals(
                hyps + ": entry \"b\" must be a caption string, found array",
                assertThrows(UserInputException.class, () -> CaptionFiles.readHypotheses(hyps))
                        .getMessage());
        assertEquals(
                refs + ": entry \"a\" item 1 must be a caption string, found number",
                assertThrows(UserInputException.class, () -> CaptionFiles.readReferences(refs))
                        .getMessage());
        assertEquals(
                empty + ": entry \"a\" has no reference caption",
                assertThrows(UserInputException.class, () -> CaptionFiles.readReferences(empty))
                        .getMessage());
        assertEquals(
                list + ": must be a JSON object keyed by id, found array",
                assertThrows(UserInputException.class, () -> CaptionFiles.readHypotheses(list))
                        .getMessage());
    }

    @Test
    void shouldRejectDuplicateIdWhenReading() throws IOException {
        Path hyps = write("hyps.json", "{\"a\": \"x\", \"a\": \"y\"}");

        UserInputException e =
                assertThrows(UserInputException.class, () -> CaptionFiles.readHypotheses(hyps));

        assertTrue(e.getMessage().contains("Duplicate field 'a'"), e.getMessage());
    }

    @Test
    void shouldNameFileWhenItDoesNotExist() {
        Path missing = dir.resolve("nope.json");

        UserInputException e =
                assertThrows(UserInputException.class, () -> CaptionFiles.readTypes(missing));

        assertEquals(missing + ": no such file", e.getMessage());
    }
}
