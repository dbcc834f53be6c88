package io.capstream.cli;

import io.capstream.data.CaptionedImage;
import io.capstream.data.CaptionedPair;
import io.capstream.data.Split;
import io.capstream.data.imports.DatasetFormat;
import io.capstream.data.imports.Datasets;
import io.capstream.data.imports.ImportOptions;
import io.capstream.data.imports.ImportResult;
import io.capstream.data.imports.ReferenceFiles;
import io.capstream.data.imports.SplitCounts;
import io.capstream.util.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code capstream dataset inspect|refs}: reads a published dataset layout (CLEVR-Change,
 * Spot-the-Diff, Image-Editing-Request, COCO captions) and reports or exports it.
 */
@Command(
        name = "dataset",
        mixinStandardHelpOptions = true,
        description = "Inspect published datasets and export evaluation references.",
        subcommands = {DatasetCommand.Inspect.class, DatasetCommand.Refs.class})
public final class DatasetCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Options shared by the subcommands: where the dataset is and how to read it. */
    static final class Source {
        @Option(
                names = "--dir",
                required = true,
                description = "Dataset directory (its root or its data/ sub-directory).")
        Path dir;

        @Option(
                names = "--format",
                defaultValue = "auto",
                description =
                        "auto, clevr-change, spot-the-diff, image-editing-request or coco"
                                + " (default: ${DEFAULT-VALUE}).")
        String format;

        @Option(
                names = "--skip-bad",
                description = "Skip bad entries (listed on stderr) instead of failing.")
        boolean skipBad;

        Loaded read(ImportOptions opts) {
            DatasetFormat f = format();
            ImportOptions o = opts.withSkipBad(skipBad);
            if (f.isPairs()) {
                ImportResult<CaptionedPair> r = Datasets.readPairs(dir, f, o);
                return new Loaded(f, r.samples(), List.of(), r.skipped(), r.problems());
            }
            ImportResult<CaptionedImage> r = Datasets.readImages(dir, f, o);
            return new Loaded(f, List.of(), r.samples(), r.skipped(), r.problems());
        }

        private DatasetFormat format() {
            if (format.equalsIgnoreCase("auto")) {
                return DatasetFormat.detect(dir);
            }
            try {
                return DatasetFormat.parse(format);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("--format: " + e.getMessage() + " or auto");
            }
        }
    }

    /** A dataset as read: pairs or images, and what was skipped. */
    record Loaded(
            DatasetFormat format,
            List<CaptionedPair> pairs,
            List<CaptionedImage> images,
            int skipped,
            List<String> problems) {

        String unit() {
            return format.isPairs() ? "pairs" : "images";
        }

        List<SplitCounts> counts() {
            return format.isPairs() ? SplitCounts.ofPairs(pairs) : SplitCounts.ofImages(images);
        }

        void reportProblems(PrintWriter err) {
            if (!problems.isEmpty()) {
                err.println("skipped " + skipped + " " + unit() + "; problems:");
                problems.forEach(p -> err.println("  " + p));
                err.flush();
            }
        }
    }

    /** Converts split names on the command line. */
    static final class SplitConverter implements CommandLine.ITypeConverter<Split> {
        @Override
        public Split convert(String value) {
            try {
                return Split.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Command(
            name = "inspect",
            mixinStandardHelpOptions = true,
            description = "Print counts per split: samples, captions and change types.")
    static final class Inspect implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Mixin Source source;

        @Option(
                names = "--split",
                converter = SplitConverter.class,
                description = "Only this split (train, val or test).")
        Split split;

        @Override
        public Integer call() {
            ImportOptions opts = ImportOptions.defaults();
            Loaded d = source.read(split == null ? opts : opts.withSplit(split));
            PrintWriter out = spec.commandLine().getOut();
            out.println("dataset: " + source.dir + " (" + d.format().id() + ")");
            out.printf(
                    Locale.ROOT,
                    "%-6s %8s %9s  %s%n",
                    "split",
                    d.unit(),
                    "captions",
                    "change types");
            int samples = 0;
            int captions = 0;
            for (SplitCounts c : d.counts()) {
                out.printf(
                        Locale.ROOT,
                        "%-6s %8d %9d  %s%n",
                        c.split().id(),
                        c.samples(),
                        c.captions(),
                        types(c.changeTypes()));
                samples += c.samples();
                captions += c.captions();
            }
            out.printf(Locale.ROOT, "%-6s %8d %9d%n", "total", samples, captions);
            out.println("skipped: " + d.skipped() + " " + d.unit());
            out.flush();
            d.reportProblems(spec.commandLine().getErr());
            return 0;
        }

        private static String types(Map<String, Integer> types) {
            return types.isEmpty()
                    ? "-"
                    : types.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" "));
        }
    }

    @Command(
            name = "refs",
            mixinStandardHelpOptions = true,
            description =
                    "Write the references {id: [captions]} of a split (for capstream eval --refs)"
                            + " and optionally its change types {type: [ids]} (for --by-type).")
    static final class Refs implements Callable<Integer> {
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;
        @Mixin Source source;

        @Option(
                names = "--split",
                required = true,
                converter = SplitConverter.class,
                description = "The split to export (train, val or test).")
        Split split;

        @Option(names = "--out", required = true, description = "References JSON to write.")
        Path out;

        @Option(names = "--types-out", description = "Change types JSON to write (pair datasets).")
        Path typesOut;

        @Override
        public Integer call() {
            Loaded d = source.read(ImportOptions.defaults().withSplit(split));
            Map<String, List<String>> refs =
                    d.format().isPairs()
                            ? ReferenceFiles.pairReferences(d.pairs(), split)
                            : ReferenceFiles.imageReferences(d.images(), split);
            if (refs.isEmpty()) {
                throw new UserInputException(
                        "--split " + split.id() + ": no " + d.unit() + " in " + source.dir);
            }
            Map<String, List<String>> types = ReferenceFiles.changeTypes(d.pairs(), split);
            if (typesOut != null && types.isEmpty()) {
                throw new UserInputException(
                        "--types-out: " + d.format().id() + " has no change types");
            }
            PrintWriter stdout = spec.commandLine().getOut();
            ReferenceFiles.write(refs, out);
            stdout.println(
                    "wrote references of "
                            + refs.size()
                            + " "
                            + d.unit()
                            + " ("
                            + split.id()
                            + ") to "
                            + out);
            if (typesOut != null) {
                ReferenceFiles.write(types, typesOut);
                stdout.println("wrote " + types.size() + " change types to " + typesOut);
            }
            stdout.flush();
            d.reportProblems(spec.commandLine().getErr());
            return 0;
        }
    }
}
