package io.capstream.data.clevr;

import io.capstream.data.Split;
import java.awt.geom.Point2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the items of {@code ground_truth.json}. Objects carry their attributes (canonical words),
 * their floor position ({@code floor_x}, {@code depth}: 0..1, depth 0 = front) and the pixel centre
 * ({@code x}, {@code y}) in the undistorted picture, like CLEVR's {@code pixel_coords}.
 */
final class GroundTruthJson {
    static final String KIND = "clevr-change";

    private GroundTruthJson() {}

    /** The item of the semantic pair "000123.png". */
    static Map<String, Object> semantic(ClevrChangeSample s, Split split, FloorCamera camera) {
        Map<String, Object> item = common(s, split, camera);
        item.put("after_image", relative(ClevrLayout.semantic(Path.of(""), s.index())));
        item.put("change", change(s.change(), camera));
        item.put("distractor", distractor(s.semanticDistractor()));
        return item;
    }

    /** The item of the no-change pair "000123.png_n". */
    static Map<String, Object> noChange(ClevrChangeSample s, Split split, FloorCamera camera) {
        Map<String, Object> item = common(s, split, camera);
        item.put("after_image", relative(ClevrLayout.nonSemantic(Path.of(""), s.index())));
        item.put("change", change(SceneChange.none(), camera));
        item.put("distractor", distractor(s.nonSemanticDistractor()));
        return item;
    }

    private static Map<String, Object> common(
            ClevrChangeSample s, Split split, FloorCamera camera) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("index", s.index());
        item.put("split", split.id());
        item.put("before_image", relative(ClevrLayout.before(Path.of(""), s.index())));
        List<Object> objects = new ArrayList<>();
        for (SceneObject o : s.before().objects()) {
            objects.add(object(o, camera));
        }
        item.put("before", objects);
        return item;
    }

    private static Map<String, Object> change(SceneChange c, FloorCamera camera) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("type", c.type().id());
        c.before().or(c::after).ifPresent(o -> change.put("object", object(o, camera)));
        c.oldValue().ifPresent(v -> change.put("old_value", v));
        c.newValue().ifPresent(v -> change.put("new_value", v));
        if (c.type() == ChangeType.MOVE) {
            change.put("old_position", position(c.before().orElseThrow(), camera));
            change.put("new_position", position(c.after().orElseThrow(), camera));
        }
        return change;
    }

    static Map<String, Object> object(SceneObject o, FloorCamera camera) {
        ObjectAttributes a = o.attributes();
        Map<String, Object> m = position(o, camera);
        m.put("shape", a.shape().word());
        m.put("color", a.color().word());
        m.put("size", a.size().word());
        m.put("material", a.material().word());
        return m;
    }

    private static Map<String, Object> position(SceneObject o, FloorCamera camera) {
        Point2D c = camera.center(o);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("floor_x", o.x());
        m.put("depth", o.depth());
        m.put("x", round2(c.getX()));
        m.put("y", round2(c.getY()));
        return m;
    }

    private static Map<String, Object> distractor(Distractor d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind());
        m.put("shift_x", d.shiftX());
        m.put("shift_y", d.shiftY());
        m.put("brightness", d.brightness());
        return m;
    }

    private static String relative(Path p) {
        return p.toString().replace('\\', '/');
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
