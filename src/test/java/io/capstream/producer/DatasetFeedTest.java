package io.capstream.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.data.Split;
import io.capstream.data.clevr.ClevrChangeGenerator;
import io.capstream.schema.Topics;
import io.capstream.schema.avro.ImagePairEvent;
import io.capstream.schema.avro.LabeledPair;
import io.capstream.schema.serde.InMemorySchemaRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFeedTest {
    @TempDir Path dir;
    private final Topics topics =
            Topics.builder().setRegistry(new InMemorySchemaRegistry()).optPrefix("d.").build();

    @Test
    void shouldSendPairsOfOneSplitAsEventsOrAsLabeledExamples() throws Exception {
        Path data = dir.resolve("clevr");
        ClevrChangeGenerator.builder()
                .setPairs(10)
                .setOutput(data)
                .optSeed(3)
                .optImageSize(32)
                .optValFraction(0.2)
                .optTestFraction(0.2)
                .build()
                .generate();
        ImagePayloads payloads = new ImagePayloads(1 << 20, dir);
        List<Supplier<Outgoing<?>>> events =
                DatasetFeed.read(data, Optional.of(Split.TEST), false, topics, payloads);
        // Each scene index gives a changed and an unchanged pair.
        assertEquals(4, events.size());
        Outgoing<?> o = events.get(0).get();
        ImagePairEvent e = (ImagePairEvent) o.value();
        assertEquals("d.image-pairs", o.topic().name());
        assertEquals("clevr-change", o.key());
        assertEquals("test", e.getMetadata().get("split"));
        assertFalse(o.references().isEmpty());

        List<Supplier<Outgoing<?>>> labeled =
                DatasetFeed.read(data, Optional.empty(), true, topics, payloads);
        assertEquals(20, labeled.size());
        Outgoing<?> l = labeled.get(0).get();
        LabeledPair p = (LabeledPair) l.value();
        assertEquals("d.labeled-pairs", l.topic().name());
        assertEquals(l.references(), p.getCaptions());
        assertTrue(p.getChangeType() != null);
    }
}
