package io.capstream.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.capstream.data.clevr.ClevrChangeGenerator;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.producer.DatasetFeed;
import io.capstream.producer.ImagePayloads;
import io.capstream.producer.Outgoing;
import io.capstream.schema.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What the trainer's integration tests start from: a model store holding a copy of the shipped
 * {@code decider} v1, and labeled pair events of a small generated CLEVR-Change-like dataset.
 */
public final class TrainerFixtures {
    private TrainerFixtures() {}

    /** Copies the shipped {@code decider} v1 into {@code store/decider/v1} (no CURRENT file). */
    public static void copyShippedDecider(Path store) throws IOException {
        Path from = ModelStore.shipped().path("decider", 1);
        Path to = ModelStore.at(store).path("decider", 1);
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /**
     * Labeled pair events of {@code scenes} generated 64 px scenes (seed 11), each a changed and an
     * unchanged pair: {@code 2 * scenes} events with distinct ids, in order.
     *
     * @param tmp a directory for the dataset and the image spool
     */
    public static List<Outgoing<?>> labeledPairs(Path tmp, Topics topics, int scenes)
            throws IOException {
        Path data = tmp.resolve("clevr");
        ClevrChangeGenerator.builder()
                .setPairs(scenes)
                .setOutput(data)
                .optSeed(11)
                .optImageSize(64)
                .build()
                .generate();
        List<Outgoing<?>> out = new ArrayList<>();
        for (Supplier<Outgoing<?>> s :
                DatasetFeed.read(
                        data,
                        Optional.empty(),
                        true,
                        topics,
                        new ImagePayloads(1 << 20, tmp.resolve("spool")))) {
            out.add(s.get());
        }
        assertEquals(2 * scenes, out.size());
        assertEquals(2 * scenes, out.stream().map(Outgoing::id).distinct().count());
        return out;
    }
}
