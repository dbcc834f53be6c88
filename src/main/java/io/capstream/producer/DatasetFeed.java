package io.capstream.producer;

import io.capstream.data.CaptionedImage;
import io.capstream.data.CaptionedPair;
import io.capstream.data.Split;
import io.capstream.data.imports.DatasetFormat;
import io.capstream.data.imports.Datasets;
import io.capstream.data.imports.ImportOptions;
import io.capstream.schema.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The events of a generated or imported dataset (any layout {@link DatasetFormat} detects): image
 * and pair events to caption, or, labeled, training examples for the labeled topics. The source
 * (and key) of every event is the dataset's format id, e.g. {@code clevr-change}.
 */
public final class DatasetFeed {
    private DatasetFeed() {}

    /**
     * Reads {@code dir} and returns one event per sample, built lazily: an image file is read when
     * its event is built, so a large dataset is never in memory at once.
     *
     * @param split only this split; empty for all
     * @param labeled training examples (with their captions) instead of events to caption
     */
    public static List<Supplier<Outgoing<?>>> read(
            Path dir,
            Optional<Split> split,
            boolean labeled,
            Topics topics,
            ImagePayloads payloads) {
        DatasetFormat format = DatasetFormat.detect(dir);
        ImportOptions opts = new ImportOptions(split, false);
        String source = format.id();
        List<Supplier<Outgoing<?>>> out = new ArrayList<>();
        if (format.isPairs()) {
            for (CaptionedPair p : Datasets.readPairs(dir, format, opts).samples()) {
                out.add(() -> pair(p, source, labeled, topics, payloads));
            }
        } else {
            for (CaptionedImage i : Datasets.readImages(dir, format, opts).samples()) {
                out.add(() -> image(i, source, labeled, topics, payloads));
            }
        }
        return out;
    }

    private static Outgoing<?> pair(
            CaptionedPair p,
            String source,
            boolean labeled,
            Topics topics,
            ImagePayloads payloads) {
        var before = payloads.fromFile(p.before());
        var after = payloads.fromFile(p.after());
        if (labeled) {
            return new Outgoing<>(
                    topics.labeledPairs(),
                    source,
                    p.id(),
                    Events.labeledPair(
                            p.id(), source, before, after, p.captions(), p.split(), p.changeType()),
                    p.captions());
        }
        Map<String, String> meta =
                p.changeType()
                        .map(t -> Map.of("split", p.split().id(), "changeType", t))
                        .orElse(Map.of("split", p.split().id()));
        return new Outgoing<>(
                topics.imagePairs(),
                source,
                p.id(),
                Events.pair(p.id(), source, Instant.now(), before, after, meta),
                p.captions());
    }

    private static Outgoing<?> image(
            CaptionedImage i,
            String source,
            boolean labeled,
            Topics topics,
            ImagePayloads payloads) {
        var image = payloads.fromFile(i.image());
        if (labeled) {
            return new Outgoing<>(
                    topics.labeledImages(),
                    source,
                    i.id(),
                    Events.labeledImage(i.id(), source, image, i.captions(), i.split()),
                    i.captions());
        }
        return new Outgoing<>(
                topics.images(),
                source,
                i.id(),
                Events.image(i.id(), source, Instant.now(), image, Map.of("split", i.split().id())),
                i.captions());
    }
}
