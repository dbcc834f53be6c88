package io.capstream.producer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.schema.Topics;
import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.avro.ImagePairEvent;
import io.capstream.schema.serde.InMemorySchemaRegistry;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticFeedTest {
    @TempDir Path dir;
    private final Topics topics =
            Topics.builder().setRegistry(new InMemorySchemaRegistry()).optPrefix("t.").build();

    private SyntheticFeed feed(SyntheticKind kind, long seed, int pool) {
        return new SyntheticFeed(
                kind, topics, new ImagePayloads(1 << 20, dir), seed, 32, "r1-", pool);
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void shouldAlternateChangedAndUnchangedPairsWithTheirReferencesWhenKindIsPairs() {
        SyntheticFeed f = feed(SyntheticKind.PAIRS, 3, 0);
        List<Outgoing<?>> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            events.add(f.next());
        }
        for (int i = 0; i < 8; i++) {
            Outgoing<?> o = events.get(i);
            ImagePairEvent e = (ImagePairEvent) o.value();
            assertEquals("t.image-pairs", o.topic().name());
            assertEquals("r1-pairs-" + i, e.getId());
            assertEquals("cam-" + (i % SyntheticFeed.SOURCES), o.key());
            assertEquals(o.key(), e.getSource());
            assertEquals("decider", e.getTask());
            assertFalse(o.references().isEmpty());
            String type = e.getMetadata().get("changeType");
            assertEquals(i % 2 == 1, type.equals("no-change"), type);
        }
        // Events 0 and 1 show the same scene: same before picture, different after pictures.
        ImagePairEvent changed = (ImagePairEvent) events.get(0).value();
        ImagePairEvent unchanged = (ImagePairEvent) events.get(1).value();
        assertArrayEquals(
                bytes(changed.getBefore().getBytes()), bytes(unchanged.getBefore().getBytes()));
        assertNotEquals(changed.getAfter().getBytes(), unchanged.getAfter().getBytes());
        assertNotEquals(events.get(0).references(), events.get(1).references());
    }

    @Test
    void shouldRenderTheSameEventsWhenSeedIsTheSame() {
        SyntheticFeed a = feed(SyntheticKind.TOONS, 9, 0);
        SyntheticFeed b = feed(SyntheticKind.TOONS, 9, 0);
        SyntheticFeed c = feed(SyntheticKind.TOONS, 10, 0);
        for (int i = 0; i < 3; i++) {
            Outgoing<?> x = a.next();
            Outgoing<?> y = b.next();
            Outgoing<?> z = c.next();
            ImageEvent ex = (ImageEvent) x.value();
            assertEquals("t.images", x.topic().name());
            assertEquals(32, ex.getImage().getWidth());
            assertArrayEquals(
                    bytes(ex.getImage().getBytes()),
                    bytes(((ImageEvent) y.value()).getImage().getBytes()));
            assertEquals(x.references(), y.references());
            assertNotEquals(x.references(), z.references());
        }
    }

    @Test
    void shouldCyclePoolWithFreshIdsWhenPoolIsSet() {
        SyntheticFeed f = feed(SyntheticKind.TOONS, 1, 2);
        Outgoing<?> first = f.next();
        f.next();
        Outgoing<?> third = f.next();
        assertEquals("r1-toons-2", third.id());
        assertEquals(first.references(), third.references());
        assertTrue(third.references().size() > 1);
    }
}
