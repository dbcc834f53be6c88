package io.capstream.data.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.capstream.data.CaptionedPair;
import io.capstream.data.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the CLEVR-Change layout (Park et al., ICCV 2019):
 *
 * <pre>
 * images/CLEVR_default_%06d.png, sc_images/CLEVR_semantic_%06d.png, nsc_images/CLEVR_nonsemantic_%06d.png
 * change_captions.json, no_change_captions.json   {"CLEVR_default_000000.png": ["...", ...]}
 * splits.json        {"train": [0, 1, ...], "val": [...], "test": [...]}
 * type_mapping.json  {"color": ["000123.png", ...], "material", "add", "drop", "move"} (optional)
 * </pre>
 *
 * Each image index i gives two pairs, with the ids of the published evaluation files: {@code
 * "000123.png"} (default → semantic change, change captions, type from the type mapping) and {@code
 * "000123.png_n"} (default → distractor-only change, no-change captions, type {@value #NO_CHANGE}).
 */
public final class ClevrChangeReader implements DatasetReader<CaptionedPair> {
    /** The change type of the distractor-only pairs. */
    public static final String NO_CHANGE = "no-change";

    static final String CHANGE_CAPTIONS = "change_captions.json";
    static final String NO_CHANGE_CAPTIONS = "no_change_captions.json";
    static final String SPLITS = "splits.json";
    static final String TYPE_MAPPING = "type_mapping.json";

    static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve(CHANGE_CAPTIONS));
    }

    @Override
    public DatasetFormat format() {
        return DatasetFormat.CLEVR_CHANGE;
    }

    @Override
    public ImportResult<CaptionedPair> read(Path dir, ImportOptions opts) {
        DatasetDir d = DatasetDir.locate(dir, ClevrChangeReader::isRoot);
        ProblemLog log = new ProblemLog(opts);
        String captionsShape = "an object of image name -> array of captions";
        JsonNode change =
                JsonInput.requireObject(
                        JsonInput.read(d, CHANGE_CAPTIONS), d.name(CHANGE_CAPTIONS), captionsShape);
        JsonNode noChange =
                JsonInput.requireObject(
                        JsonInput.read(d, NO_CHANGE_CAPTIONS),
                        d.name(NO_CHANGE_CAPTIONS),
                        captionsShape);
        Map<Split, List<Integer>> splits = ClevrIndexFiles.splits(d, opts, log);
        Map<Integer, String> types =
                d.isFile(TYPE_MAPPING) ? ClevrIndexFiles.types(d, log) : Map.of();

        List<CaptionedPair> pairs = new ArrayList<>();
        for (Map.Entry<Split, List<Integer>> e : splits.entrySet()) {
            for (int index : e.getValue()) {
                String where =
                        d.name(SPLITS) + ": entry \"" + e.getKey().id() + "\" index " + index;
                Path before = d.resolve("images/" + name("CLEVR_default", index));
                if (!Files.isRegularFile(before)) {
                    log.skip(where + ": missing image file " + d.name(before), 2);
                    continue;
                }
                String id = String.format(Locale.ROOT, "%06d.png", index);
                try {
                    List<String> captions = captions(d, change, CHANGE_CAPTIONS, index, e.getKey());
                    Path after = image(d, "sc_images/" + name("CLEVR_semantic", index), where);
                    pairs.add(
                            new CaptionedPair(
                                    id,
                                    before,
                                    after,
                                    captions,
                                    e.getKey(),
                                    Optional.ofNullable(types.get(index))));
                } catch (BadEntry bad) {
                    log.skip(bad.getMessage(), 1);
                }
                try {
                    List<String> captions =
                            captions(d, noChange, NO_CHANGE_CAPTIONS, index, e.getKey());
                    Path after = image(d, "nsc_images/" + name("CLEVR_nonsemantic", index), where);
                    pairs.add(
                            new CaptionedPair(
                                    id + "_n",
                                    before,
                                    after,
                                    captions,
                                    e.getKey(),
                                    Optional.of(NO_CHANGE)));
                } catch (BadEntry bad) {
                    log.skip(bad.getMessage(), 1);
                }
            }
        }
        return log.result(pairs, format());
    }

    private static String name(String prefix, int index) {
        return String.format(Locale.ROOT, "%s_%06d.png", prefix, index);
    }

    private static List<String> captions(
            DatasetDir d, JsonNode all, String file, int index, Split split) {
        String key = name("CLEVR_default", index);
        String where = d.name(file) + ": entry \"" + key + "\"";
        JsonNode node = all.get(key);
        if (node == null) {
            throw new BadEntry(
                    where
                            + ": no captions, but image index "
                            + index
                            + " is listed in "
                            + d.name(SPLITS)
                            + " \""
                            + split.id()
                            + "\"");
        }
        return CaptionText.fromArray(node, where);
    }

    private static Path image(DatasetDir d, String relative, String where) {
        Path p = d.resolve(relative);
        if (!Files.isRegularFile(p)) {
            throw new BadEntry(where + ": missing image file " + d.name(p));
        }
        return p;
    }
}
