package io.capstream.data.toons;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.capstream.data.Split;
import io.capstream.util.Progress;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes a toon-scenes dataset in the COCO caption layout:
 *
 * <pre>
 * images/toon_000001.png ...
 * annotations/captions_{train,val,test}.json   COCO caption files (ids unique across splits)
 * eval/refs_{train,val,test}.json              {"&lt;image id&gt;": [captions]} for capstream eval
 * ground_truth.json                            {"kind": "toons", "items": {"&lt;image id&gt;": {...}}}
 * </pre>
 *
 * Image {@code i} (id {@code i + 1}) is drawn from its own generator seeded with {@link
 * #imageSeed}, so the same seed and options give byte-identical files.
 */
public final class ToonDatasetGenerator {
    private ToonDatasetGenerator() {}

    /**
     * How many images went to each split.
     *
     * @param counts images per split
     * @param seconds wall time of the generation
     */
    public record Summary(Map<Split, Integer> counts, double seconds) {}

    /**
     * Generates the dataset {@code config} describes, advancing {@code progress} per image.
     *
     * @throws UserInputException if {@code --out} cannot take the dataset or cannot be written
     */
    public static Summary generate(ToonDatasetConfig config, Progress progress) {
        long start = System.nanoTime();
        Path out = config.out();
        try {
            prepare(out, config.overwrite());
            Path images = Files.createDirectories(out.resolve("images"));
            Split[] splits = ToonSplits.assign(config);
            Map<Split, ObjectNode> coco = new EnumMap<>(Split.class);
            Map<Split, ObjectNode> refs = new EnumMap<>(Split.class);
            for (Split s : Split.values()) {
                coco.put(s, CocoCaptions.create(config, s));
                refs.put(s, ToonJson.object());
            }
            Map<Split, Integer> counts = new EnumMap<>(Split.class);
            try (GroundTruthWriter truth =
                    new GroundTruthWriter(out.resolve(ToonGroundTruth.FILE_NAME))) {
                for (int i = 0; i < config.images(); i++) {
                    int id = i + 1;
                    String fileName = String.format(Locale.ROOT, "toon_%06d.png", id);
                    Random rng = new Random(imageSeed(config.seed(), i));
                    ToonScene scene = SceneSampler.sample(rng);
                    List<String> captions = ToonCaptioner.captions(scene, rng);
                    ToonRenderer.Rendered r = ToonRenderer.render(scene, config.size());
                    Pngs.write(r.image(), images.resolve(fileName));

                    Split split = splits[i];
                    counts.merge(split, 1, Integer::sum);
                    CocoCaptions.add(coco.get(split), id, fileName, config.size(), captions);
                    ArrayNode list = refs.get(split).putArray(Integer.toString(id));
                    captions.forEach(list::add);
                    truth.add(id, ToonGroundTruth.item(fileName, split, scene, r.boxes()));
                    progress.step();
                }
            }
            Path annotations = Files.createDirectories(out.resolve("annotations"));
            Path eval = Files.createDirectories(out.resolve("eval"));
            for (Split s : Split.values()) {
                ToonJson.write(annotations.resolve("captions_" + s.id() + ".json"), coco.get(s));
                ToonJson.write(eval.resolve("refs_" + s.id() + ".json"), refs.get(s));
            }
            return new Summary(counts, (System.nanoTime() - start) / 1e9);
        } catch (IOException e) {
            throw new UserInputException(
                    "cannot write the toon dataset to --out " + out + ": " + e, e);
        }
    }

    /** The seed of image {@code index}: a SplitMix64 mix of the dataset seed and the index. */
    public static long imageSeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + (index + 1L) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Makes sure {@code out} can take a new dataset: it must not exist, be empty, or (with
     * overwrite) hold an earlier one, whose files are removed so none outlives this run.
     */
    private static void prepare(Path out, boolean overwrite) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out " + out + " exists and is not a directory");
        }
        if (!Files.isDirectory(out)) {
            Files.createDirectories(out);
            return;
        }
        boolean empty;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
            empty = !entries.iterator().hasNext();
        }
        if (empty) {
            return;
        }
        if (!overwrite) {
            throw new UserInputException(
                    "--out "
                            + out
                            + " is not empty (use --overwrite to replace an earlier dataset)");
        }
        deleteMatching(out.resolve("images"), "toon_*.png");
        deleteMatching(out.resolve("annotations"), "captions_*.json");
        deleteMatching(out.resolve("eval"), "refs_*.json");
        Files.deleteIfExists(out.resolve(ToonGroundTruth.FILE_NAME));
    }

    private static void deleteMatching(Path dir, String glob) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path f : files) {
                Files.delete(f);
            }
        }
    }
}
