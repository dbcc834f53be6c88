package io.capstream.cli;

import io.capstream.producer.Events;
import io.capstream.producer.ImageFiles;
import io.capstream.producer.Outgoing;
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

/** {@code capstream produce images --dir DIR}: one image event per picture in a directory. */
@Command(
        name = "images",
        mixinStandardHelpOptions = true,
        description = {
            "Send one image event per picture (PNG, JPEG, GIF, BMP) under --dir, recursively, in"
                    + " path order, to capstream.images.",
            "The event id is the picture's path under --dir without extension; the key and source"
                    + " is --source. Pictures up to producer.inline.max.bytes travel inline, larger"
                    + " ones as a file: URI (the worker must see the same file system)."
        })
public final class ProduceImagesCommand implements Callable<Integer> {
    @Mixin ConfigOptions config;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Pictures.")
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
        List<Path> files = ImageFiles.list(dir);
        String src =
                source != null ? source : dir.toAbsolutePath().normalize().getFileName().toString();
        try (ProduceRun run = ProduceRun.open(config, dir)) {
            Iterator<Path> it = files.iterator();
            run.send(
                    "produce images",
                    files.size(),
                    rate,
                    () -> {
                        Path f = it.next();
                        String id = ImageFiles.id(dir, f);
                        return new Outgoing<>(
                                run.topics().images(),
                                src,
                                id,
                                Events.image(
                                        id,
                                        src,
                                        Instant.now(),
                                        run.payloads().fromFile(f),
                                        Map.of("file", f.toString())),
                                List.of());
                    },
                    spec.commandLine().getOut());
        }
        return 0;
    }
}
