package io.capstream.cli;

import io.capstream.producer.Events;
import io.capstream.producer.Outgoing;
import io.capstream.producer.PairFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code capstream produce pairs --dir DIR}: one pair event per before/after pair. */
@Command(
        name = "pairs",
        mixinStandardHelpOptions = true,
        description = {
            "Send one image-pair event per before/after pair under --dir to capstream.image-pairs.",
            "Pairs are found by a manifest --dir/pairs.csv with lines id,before,after[,source]"
                    + " (paths relative to --dir, optional header line id,before,after,source), or"
                    + " else by name: X_before.EXT and X_after.EXT (any image extension, any"
                    + " sub-directory) form pair X.",
            "The key and source is the manifest's source column, else --source."
        })
public final class ProducePairsCommand implements Callable<Integer> {
    @Mixin ConfigOptions config;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Image pairs.")
    Path dir;

    @Option(
            names = "--source",
            paramLabel = "ID",
            description = "Source (camera) id and record key (default: the directory's name).")
    String source;

    @Option(
            names = "--rate",
            defaultValue = "0",
            paramLabel = "N",
            description =
                    "Events per second; 0 sends as fast as possible (default: ${DEFAULT-VALUE}).")
    double rate;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<PairFiles.PairFile> pairs = PairFiles.list(dir);
        String fallback =
                source != null ? source : dir.toAbsolutePath().normalize().getFileName().toString();
        try (ProduceRun run = ProduceRun.open(config, dir)) {
            Iterator<PairFiles.PairFile> it = pairs.iterator();
            run.send(
                    "produce pairs",
                    pairs.size(),
                    rate,
                    () -> {
                        PairFiles.PairFile p = it.next();
                        String src = p.source().orElse(fallback);
                        return new Outgoing<>(
                                run.topics().imagePairs(),
                                src,
                                p.id(),
                                Events.pair(
                                        p.id(),
                                        src,
                                        Instant.now(),
                                        run.payloads().fromFile(p.before()),
                                        run.payloads().fromFile(p.after()),
                                        Map.of()),
                                List.of());
                    },
                    spec.commandLine().getOut());
        }
        return 0;
    }
}
