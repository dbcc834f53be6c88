package io.capstream.data.toons;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Semantic accuracy of hypothesis captions against the toon ground truth. Every accuracy is over
 * all scored images, with unparseable captions counted as wrong, except {@code second} (over images
 * that have a second character) and {@code spuriousSecond} (over images that have none).
 *
 * @param images hypotheses scored
 * @param parsed share of hypotheses the grammar could read
 * @param kind share naming the group's kind correctly
 * @param colour share naming the group's colour correctly
 * @param action share naming the group's action correctly
 * @param count share naming the group's count correctly
 * @param setting share naming the setting correctly
 * @param scene share where everything stated is true and nothing is missing (group, setting, second
 *     character and relation)
 * @param imagesWithSecond images that have a second character
 * @param second share of those whose hypothesis names the second character's kind and colour and a
 *     true relation; NaN when there are none
 * @param spuriousSecond share of images without a second character whose hypothesis mentions one;
 *     NaN when there are none
 */
public record ToonSemanticReport(
        int images,
        double parsed,
        double kind,
        double colour,
        double action,
        double count,
        double setting,
        double scene,
        int imagesWithSecond,
        double second,
        double spuriousSecond) {

    /** The numbers by name, in a fixed order (NaN as null), for JSON output. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("images", images);
        m.put("parsed", finite(parsed));
        m.put("kind", finite(kind));
        m.put("colour", finite(colour));
        m.put("action", finite(action));
        m.put("count", finite(count));
        m.put("setting", finite(setting));
        m.put("scene", finite(scene));
        m.put("images_with_second", imagesWithSecond);
        m.put("second", finite(second));
        m.put("spurious_second", finite(spuriousSecond));
        return m;
    }

    /** One line per number, for the terminal. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "semantic accuracy (toons), %d images%n", images));
        line(sb, "parsed", parsed);
        line(sb, "kind", kind);
        line(sb, "colour", colour);
        line(sb, "action", action);
        line(sb, "count", count);
        line(sb, "setting", setting);
        line(sb, "whole scene", scene);
        line(sb, "second character (" + imagesWithSecond + " images)", second);
        line(sb, "spurious second character", spuriousSecond);
        return sb.toString();
    }

    private static void line(StringBuilder sb, String name, double value) {
        String v = Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * value);
        sb.append(String.format(Locale.ROOT, "  %-36s %s%n", name, v));
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
