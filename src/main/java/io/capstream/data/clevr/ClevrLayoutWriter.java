package io.capstream.data.clevr;

import io.capstream.data.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects samples and writes the JSON files of the layout: the published caption, split and type
 * files, {@code ground_truth.json} and the {@code eval/} reference and type files.
 */
final class ClevrLayoutWriter {
    private final FloorCamera camera;
    private final Map<Split, List<Integer>> splits;
    private final Map<Integer, Split> splitOf = new TreeMap<>();
    private final Map<String, List<String>> changeCaptions = new TreeMap<>();
    private final Map<String, List<String>> noChangeCaptions = new TreeMap<>();
    private final Map<String, List<String>> typeMapping = new TreeMap<>();
    private final Map<String, Object> groundTruth = new TreeMap<>();
    private final Map<Split, Map<String, List<String>>> refs = new EnumMap<>(Split.class);
    private final Map<Split, Map<String, List<String>>> types = new EnumMap<>(Split.class);

    ClevrLayoutWriter(int imageSize, Map<Split, List<Integer>> splits) {
        this.camera = new FloorCamera(imageSize);
        this.splits = splits;
        splits.forEach((split, indices) -> indices.forEach(i -> splitOf.put(i, split)));
        for (ChangeType t : ChangeType.SEMANTIC) {
            typeMapping.put(t.id(), new ArrayList<>());
        }
        for (Split s : Split.values()) {
            refs.put(s, new TreeMap<>());
            Map<String, List<String>> byType = new TreeMap<>();
            for (ChangeType t : ChangeType.values()) {
                byType.put(t.id(), new ArrayList<>());
            }
            types.put(s, byType);
        }
    }

    /** Records one sample; call in index order so every id list comes out sorted. */
    void add(ClevrChangeSample s) {
        Split split = splitOf.get(s.index());
        if (split == null) {
            throw new IllegalArgumentException("index " + s.index() + " is in no split");
        }
        String key = ClevrLayout.beforeName(s.index());
        String id = ClevrLayout.pairId(s.index());
        String noChangeId = ClevrLayout.noChangePairId(s.index());
        changeCaptions.put(key, s.changeCaptions());
        noChangeCaptions.put(key, s.noChangeCaptions());
        typeMapping.get(s.change().type().id()).add(id);
        groundTruth.put(id, GroundTruthJson.semantic(s, split, camera));
        groundTruth.put(noChangeId, GroundTruthJson.noChange(s, split, camera));
        refs.get(split).put(id, s.changeCaptions());
        refs.get(split).put(noChangeId, s.noChangeCaptions());
        types.get(split).get(s.change().type().id()).add(id);
        types.get(split).get(ChangeType.NO_CHANGE.id()).add(noChangeId);
    }

    void write(Path root, long seed) throws IOException {
        StableJson.write(root.resolve(ClevrLayout.CHANGE_CAPTIONS), changeCaptions);
        StableJson.write(root.resolve(ClevrLayout.NO_CHANGE_CAPTIONS), noChangeCaptions);
        StableJson.write(root.resolve(ClevrLayout.TYPE_MAPPING), typeMapping);
        Map<String, Object> splitJson = new TreeMap<>();
        splits.forEach((split, indices) -> splitJson.put(split.id(), indices));
        StableJson.write(root.resolve(ClevrLayout.SPLITS), splitJson);
        Map<String, Object> gt = new TreeMap<>();
        gt.put("kind", GroundTruthJson.KIND);
        gt.put("image_size", camera.size());
        gt.put("seed", seed);
        gt.put("items", groundTruth);
        // One pair per line: tens of thousands of pairs stay compact and greppable by id.
        StableJson.writeEntryPerLine(root.resolve(ClevrLayout.GROUND_TRUTH), gt, "items");
        for (Split s : Split.values()) {
            StableJson.write(ClevrLayout.refs(root, s.id()), refs.get(s));
            StableJson.write(ClevrLayout.types(root, s.id()), types.get(s));
        }
    }
}
