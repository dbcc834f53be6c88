package io.capstream.data.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.capstream.data.Split;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads CLEVR-Change's {@code splits.json} and {@code type_mapping.json}, keyed by image index. */
final class ClevrIndexFiles {
    // The published loader reads int(name.split('.')[0]) from names like "000123.png".
    private static final Pattern TYPED_NAME = Pattern.compile("(\\d+)(?:\\.png)?");

    private ClevrIndexFiles() {}

    /**
     * The image indices of each wanted split, ascending. An index listed twice is a problem; the
     * first listing wins. Each index stands for two pairs, which is what a skipped index costs.
     */
    static Map<Split, List<Integer>> splits(DatasetDir d, ImportOptions opts, ProblemLog log) {
        String file = d.name(ClevrChangeReader.SPLITS);
        JsonNode root =
                JsonInput.requireObject(
                        JsonInput.read(d, ClevrChangeReader.SPLITS),
                        file,
                        "an object of split name -> array of image indices");
        Map<Integer, String> seen = new HashMap<>();
        Map<Split, List<Integer>> bySplit = new EnumMap<>(Split.class);
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String where = file + ": entry \"" + e.getKey() + "\"";
            JsonNode list = e.getValue();
            Split split;
            try {
                split = Split.parse(e.getKey());
            } catch (IllegalArgumentException unknown) {
                int lost = list.isArray() ? 2 * list.size() : 0;
                log.skip(where + ": unknown split (expected train, val or test)", lost);
                continue;
            }
            if (!list.isArray()) {
                log.skip(
                        where
                                + ": expected an array of image indices, found "
                                + JsonInput.describe(list),
                        0);
                continue;
            }
            List<Integer> indices = bySplit.computeIfAbsent(split, s -> new ArrayList<>());
            for (int k = 0; k < list.size(); k++) {
                JsonNode v = list.get(k);
                String at = where + "[" + k + "]";
                if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
                    log.skip(
                            at
                                    + ": expected a non-negative image index, found "
                                    + JsonInput.describe(v),
                            2);
                    continue;
                }
                String before = seen.putIfAbsent(v.asInt(), e.getKey());
                if (before != null) {
                    log.skip(
                            at + ": index " + v.asInt() + " is also listed in \"" + before + "\"",
                            2);
                    continue;
                }
                indices.add(v.asInt());
            }
        }
        bySplit.keySet().removeIf(s -> !opts.includes(s));
        bySplit.values().forEach(l -> l.sort(null));
        return bySplit;
    }

    /**
     * The change type of each semantic-change index from {@code type_mapping.json} ({@code
     * {"color": ["000123.png", ...], ...}}). Bad entries cost no pair: the pair just has no type.
     */
    static Map<Integer, String> types(DatasetDir d, ProblemLog log) {
        String file = d.name(ClevrChangeReader.TYPE_MAPPING);
        JsonNode root =
                JsonInput.requireObject(
                        JsonInput.read(d, ClevrChangeReader.TYPE_MAPPING),
                        file,
                        "an object of change type -> array of image names");
        Map<Integer, String> types = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String where = file + ": entry \"" + e.getKey() + "\"";
            if (!e.getValue().isArray()) {
                log.skip(
                        where
                                + ": expected an array of image names, found "
                                + JsonInput.describe(e.getValue()),
                        0);
                continue;
            }
            for (int k = 0; k < e.getValue().size(); k++) {
                JsonNode v = e.getValue().get(k);
                Matcher m = TYPED_NAME.matcher(v.isValueNode() ? v.asText() : "");
                if (!(v.isTextual() || v.isIntegralNumber()) || !m.matches()) {
                    log.skip(
                            where
                                    + "["
                                    + k
                                    + "]: expected an image name like \"000123.png\", found "
                                    + JsonInput.describe(v),
                            0);
                    continue;
                }
                int index = Integer.parseInt(m.group(1));
                String before = types.putIfAbsent(index, e.getKey());
                if (before != null && !before.equals(e.getKey())) {
                    log.skip(
                            where
                                    + "["
                                    + k
                                    + "]: index "
                                    + index
                                    + " is also listed under \""
                                    + before
                                    + "\"",
                            0);
                }
            }
        }
        return types;
    }
}
