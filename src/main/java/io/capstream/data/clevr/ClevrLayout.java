package io.capstream.data.clevr;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * File names of the published CLEVR-Change layout (Park et al. 2019) and of the extra files this
 * generator writes next to it ({@code ground_truth.json}, {@code eval/}).
 */
public final class ClevrLayout {
    public static final String BEFORE_DIR = "images";
    public static final String SEMANTIC_DIR = "sc_images";
    public static final String NON_SEMANTIC_DIR = "nsc_images";
    public static final String EVAL_DIR = "eval";
    public static final String CHANGE_CAPTIONS = "change_captions.json";
    public static final String NO_CHANGE_CAPTIONS = "no_change_captions.json";
    public static final String SPLITS = "splits.json";
    public static final String TYPE_MAPPING = "type_mapping.json";
    public static final String GROUND_TRUTH = "ground_truth.json";

    /** Every top-level file and folder the generator writes. */
    public static final List<String> ENTRIES =
            List.of(
                    BEFORE_DIR,
                    SEMANTIC_DIR,
                    NON_SEMANTIC_DIR,
                    EVAL_DIR,
                    CHANGE_CAPTIONS,
                    NO_CHANGE_CAPTIONS,
                    SPLITS,
                    TYPE_MAPPING,
                    GROUND_TRUTH);

    private ClevrLayout() {}

    /** "CLEVR_default_000123.png", also the key of the caption files. */
    public static String beforeName(int index) {
        return String.format(Locale.ROOT, "CLEVR_default_%06d.png", index);
    }

    public static Path before(Path root, int index) {
        return root.resolve(BEFORE_DIR).resolve(beforeName(index));
    }

    public static Path semantic(Path root, int index) {
        return root.resolve(SEMANTIC_DIR)
                .resolve(String.format(Locale.ROOT, "CLEVR_semantic_%06d.png", index));
    }

    public static Path nonSemantic(Path root, int index) {
        return root.resolve(NON_SEMANTIC_DIR)
                .resolve(String.format(Locale.ROOT, "CLEVR_nonsemantic_%06d.png", index));
    }

    /** Id of the semantic pair in the published evaluation files: "000123.png". */
    public static String pairId(int index) {
        return String.format(Locale.ROOT, "%06d.png", index);
    }

    /** Id of the no-change pair: "000123.png_n". */
    public static String noChangePairId(int index) {
        return pairId(index) + "_n";
    }

    /** {@code eval/refs_test.json} etc. */
    public static Path refs(Path root, String split) {
        return root.resolve(EVAL_DIR).resolve("refs_" + split + ".json");
    }

    /** {@code eval/types_test.json} etc. */
    public static Path types(Path root, String split) {
        return root.resolve(EVAL_DIR).resolve("types_" + split + ".json");
    }
}
