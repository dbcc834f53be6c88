package io.capstream.data.clevr;

import io.capstream.data.Split;
import io.capstream.data.render.DeterministicPng;
import io.capstream.util.Progress;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generates a synthetic CLEVR-Change-like dataset in the published layout (see {@link
 * ClevrLayout}). Every scene index yields a before picture, a semantically changed after picture
 * (colour, material, add, drop or move, chosen uniformly) and a distractor-only after picture, so
 * {@code pairs} indices give 2·pairs captioned pairs. Both after pictures get an independent camera
 * shift and/or illumination change, so a pixel difference alone never signals a change. The same
 * options give byte-identical files.
 *
 * <pre>{@code
 * ClevrChangeGenerator.builder().setPairs(2000).setOutput(dir).optSeed(7).build().generate();
 * }</pre>
 */
public final class ClevrChangeGenerator {
    /** File names have six digits. */
    public static final int MAX_PAIRS = 1_000_000;

    private static final int CHUNK = 256;

    private final int pairs;
    private final Path output;
    private final long seed;
    private final int imageSize;
    private final double valFraction;
    private final double testFraction;
    private final boolean overwrite;

    private ClevrChangeGenerator(Builder b) {
        this.pairs = b.pairs;
        this.output = b.output;
        this.seed = b.seed;
        this.imageSize = b.imageSize;
        this.valFraction = b.valFraction;
        this.testFraction = b.testFraction;
        this.overwrite = b.overwrite;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What was written. */
    public record Summary(
            Path output,
            int scenes,
            Map<ChangeType, Integer> changeTypes,
            Map<Split, Integer> splits) {}

    /** Writes the dataset, showing progress on stderr. */
    public Summary generate() throws IOException {
        prepareOutput();
        Map<Split, List<Integer>> splits =
                ClevrSplits.assign(pairs, valFraction, testFraction, seed);
        ClevrChangeSampler sampler = new ClevrChangeSampler(seed, imageSize);
        ClevrLayoutWriter writer = new ClevrLayoutWriter(imageSize, splits);
        Map<ChangeType, Integer> counts = new EnumMap<>(ChangeType.class);
        try (Progress progress = new Progress("clevr-change", pairs)) {
            for (int start = 0; start < pairs; start += CHUNK) {
                // Indices are independent, so a chunk renders in parallel; files and JSON entries
                // are then written in index order, which keeps the output byte-identical.
                List<Rendered> chunk =
                        IntStream.range(start, Math.min(pairs, start + CHUNK))
                                .parallel()
                                .mapToObj(i -> render(sampler.sample(i)))
                                .toList();
                for (Rendered r : chunk) {
                    int i = r.sample().index();
                    Files.write(ClevrLayout.before(output, i), r.before());
                    Files.write(ClevrLayout.semantic(output, i), r.semantic());
                    Files.write(ClevrLayout.nonSemantic(output, i), r.nonSemantic());
                    writer.add(r.sample());
                    counts.merge(r.sample().change().type(), 1, Integer::sum);
                    progress.step();
                }
            }
        }
        writer.write(output, seed);
        Map<Split, Integer> sizes = new EnumMap<>(Split.class);
        splits.forEach((split, indices) -> sizes.put(split, indices.size()));
        return new Summary(output, pairs, counts, sizes);
    }

    private record Rendered(
            ClevrChangeSample sample, byte[] before, byte[] semantic, byte[] nonSemantic) {}

    private Rendered render(ClevrChangeSample s) {
        return new Rendered(
                s,
                DeterministicPng.encode(
                        ClevrRenderer.render(s.before(), Distractor.NONE, imageSize)),
                DeterministicPng.encode(
                        ClevrRenderer.render(s.after(), s.semanticDistractor(), imageSize)),
                DeterministicPng.encode(
                        ClevrRenderer.render(s.before(), s.nonSemanticDistractor(), imageSize)));
    }

    private void prepareOutput() throws IOException {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new UserInputException("output " + output + " exists and is not a directory");
        }
        if (Files.isDirectory(output)) {
            boolean empty;
            try (Stream<Path> entries = Files.list(output)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !overwrite) {
                throw new UserInputException(
                        "output directory "
                                + output
                                + " is not empty; choose an empty one or allow overwriting (--force)");
            }
            for (String entry : ClevrLayout.ENTRIES) {
                deleteRecursively(output.resolve(entry));
            }
        }
        for (String dir :
                List.of(
                        ClevrLayout.BEFORE_DIR,
                        ClevrLayout.SEMANTIC_DIR,
                        ClevrLayout.NON_SEMANTIC_DIR)) {
            Files.createDirectories(output.resolve(dir));
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** DJL-style builder: {@code setX} required, {@code optX} optional. */
    public static final class Builder {
        private int pairs = -1;
        private Path output;
        private long seed = 42;
        private int imageSize = 64;
        private double valFraction = 0.1;
        private double testFraction = 0.1;
        private boolean overwrite;

        private Builder() {}

        /** Number of scene indices (each gives a semantic and a no-change pair). Required. */
        public Builder setPairs(int pairs) {
            this.pairs = pairs;
            return this;
        }

        /** Dataset root directory. Required. */
        public Builder setOutput(Path output) {
            this.output = output;
            return this;
        }

        /** Random seed (default 42). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Image side in pixels, 32..1024 (default 64). */
        public Builder optImageSize(int imageSize) {
            this.imageSize = imageSize;
            return this;
        }

        /** Share of scene indices in val (default 0.1). */
        public Builder optValFraction(double valFraction) {
            this.valFraction = valFraction;
            return this;
        }

        /** Share of scene indices in test (default 0.1). */
        public Builder optTestFraction(double testFraction) {
            this.testFraction = testFraction;
            return this;
        }

        /** Replace the dataset files of a non-empty output directory (default false). */
        public Builder optOverwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        public ClevrChangeGenerator build() {
            if (pairs < 1 || pairs > MAX_PAIRS) {
                throw new IllegalArgumentException(
                        "pairs must be in 1.." + MAX_PAIRS + ", was " + pairs);
            }
            if (output == null) {
                throw new IllegalArgumentException("output directory is required");
            }
            if (imageSize < 32 || imageSize > 1024) {
                throw new IllegalArgumentException(
                        "image size must be in 32..1024, was " + imageSize);
            }
            checkFraction("val fraction", valFraction);
            checkFraction("test fraction", testFraction);
            if (valFraction + testFraction >= 1) {
                throw new IllegalArgumentException(
                        "val fraction + test fraction must be < 1 to leave a train split, was "
                                + (valFraction + testFraction));
            }
            return new ClevrChangeGenerator(this);
        }

        private static void checkFraction(String name, double v) {
            if (!(v >= 0 && v < 1)) {
                throw new IllegalArgumentException(name + " must be in [0, 1), was " + v);
            }
        }
    }
}
