package io.capstream.data.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Writes small datasets in the published layouts for tests: tiny PNGs and JSON built in code. Every
 * builder returns mutable maps and lists so a test can break one entry and rewrite the file.
 */
public final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** Writes a 2×2 PNG (creating parent directories) and returns its path. */
    public static Path png(Path file) {
        try {
            Files.createDirectories(file.getParent());
            BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, 0xff0000);
            ImageIO.write(
                    img,
                    file.getFileName().toString().endsWith(".jpg") ? "jpg" : "png",
                    file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code value} as JSON (creating parent directories) and returns the path. */
    public static Path json(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), value);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes raw text, e.g. malformed JSON. */
    public static Path text(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    public static List<Object> list(Object... items) {
        return new ArrayList<>(List.of(items));
    }

    // ---- CLEVR-Change: indices 0..5; train 0,1,2; val 3; test 4,5 ----

    public static String clevrName(String prefix, int i) {
        return String.format("%s_%06d.png", prefix, i);
    }

    /** {"CLEVR_default_00000i.png": [" the object changed i ", "object i moved"]} for i in 0..5. */
    public static Map<String, Object> clevrChangeCaptions() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            m.put(
                    clevrName("CLEVR_default", i),
                    list("  the  object\tchanged " + i + " ", "object " + i + " moved"));
        }
        return m;
    }

    public static Map<String, Object> clevrNoChangeCaptions() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            m.put(
                    clevrName("CLEVR_default", i),
                    list("nothing has changed", "the scene remains the same"));
        }
        return m;
    }

    public static Map<String, Object> clevrSplits() {
        return map("train", list(2, 0, 1), "val", list(3), "test", list(4, 5));
    }

    public static Map<String, Object> clevrTypes() {
        return map(
                "color", list("000000.png"),
                "material", list("000001.png"),
                "add", list("000002.png"),
                "drop", list("000003.png"),
                "move", list("000004.png", "000005.png"));
    }

    /** Writes the whole CLEVR-Change layout under {@code dir} and returns {@code dir}. */
    public static Path clevrChange(Path dir) {
        for (int i = 0; i < 6; i++) {
            png(dir.resolve("images").resolve(clevrName("CLEVR_default", i)));
            png(dir.resolve("sc_images").resolve(clevrName("CLEVR_semantic", i)));
            png(dir.resolve("nsc_images").resolve(clevrName("CLEVR_nonsemantic", i)));
        }
        json(dir.resolve("change_captions.json"), clevrChangeCaptions());
        json(dir.resolve("no_change_captions.json"), clevrNoChangeCaptions());
        json(dir.resolve("splits.json"), clevrSplits());
        json(dir.resolve("type_mapping.json"), clevrTypes());
        return dir;
    }

    // ---- Spot-the-Diff: train 10, 11; val 20; test 30 ----

    public static Map<String, List<Object>> spotTheDiffAnnotations() {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        m.put(
                "train",
                list(
                        map(
                                "img_id",
                                "11",
                                "sentences",
                                list("the white car is gone", "", " a  person walks ")),
                        map("img_id", "10", "sentences", list("the bike moved"))));
        m.put("val", list(map("img_id", "20", "sentences", list("a truck appeared"))));
        m.put("test", list(map("img_id", "30", "sentences", list("", "the door is open"))));
        return m;
    }

    public static Path spotTheDiff(Path dir) {
        Map<String, List<Object>> annotations = spotTheDiffAnnotations();
        annotations.forEach(
                (split, entries) -> json(dir.resolve("annotations/" + split + ".json"), entries));
        for (String id : List.of("10", "11", "20", "30")) {
            png(dir.resolve("resized_images/" + id + ".png"));
            png(dir.resolve("resized_images/" + id + "_2.png"));
        }
        return dir;
    }

    // ---- Image-Editing-Request: train Reddit_1, Reddit_2; valid Reddit_3; test Reddit_4 ----

    public static Map<String, Object> editingRequest(String uid) {
        return map(
                "img0",
                uid + "_a.jpg",
                "img1",
                uid + "_b.jpg",
                "sents",
                list("Remove the man on the LEFT.", "  crop the  photo "),
                "uid",
                uid);
    }

    public static Path imageEditingRequest(Path dir) {
        json(
                dir.resolve("train.json"),
                list(editingRequest("Reddit_1"), editingRequest("Reddit_2")));
        json(dir.resolve("valid.json"), list(editingRequest("Reddit_3")));
        json(dir.resolve("test.json"), list(editingRequest("Reddit_4")));
        for (int i = 1; i <= 4; i++) {
            png(dir.resolve("images/Reddit_" + i + "_a.jpg"));
            png(dir.resolve("images/Reddit_" + i + "_b.jpg"));
        }
        return dir;
    }

    // ---- COCO captions: train images 1, 2; val 7; test 9 ----

    /** A COCO caption file with one image per id and two captions each. */
    public static Map<String, Object> cocoCaptions(int... ids) {
        List<Object> images = new ArrayList<>();
        List<Object> annotations = new ArrayList<>();
        int annId = 100;
        for (int id : ids) {
            images.add(map("id", id, "file_name", "toon_" + id + ".png", "width", 2, "height", 2));
            annotations.add(
                    map(
                            "id",
                            annId++,
                            "image_id",
                            id,
                            "caption",
                            "A cat  jumps over box " + id + ".\n"));
            annotations.add(map("id", annId++, "image_id", id, "caption", "a cat jumps"));
        }
        return map(
                "info",
                map("description", "fixture"),
                "images",
                images,
                "annotations",
                annotations);
    }

    public static Path coco(Path dir) {
        json(dir.resolve("annotations/captions_train.json"), cocoCaptions(2, 1));
        json(dir.resolve("annotations/captions_val.json"), cocoCaptions(7));
        json(dir.resolve("annotations/captions_test.json"), cocoCaptions(9));
        for (int id : new int[] {1, 2, 7, 9}) {
            png(dir.resolve("images/toon_" + id + ".png"));
        }
        return dir;
    }
}
