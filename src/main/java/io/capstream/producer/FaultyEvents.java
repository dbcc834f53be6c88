package io.capstream.producer;

import io.capstream.data.render.DeterministicPng;
import io.capstream.schema.Topics;
import io.capstream.schema.avro.ErrorReason;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Deliberately broken records, one of each kind the worker must dead-letter without stopping: an
 * image whose bytes are corrupt, a record whose first byte is not the wire format's magic byte, and
 * a pair whose images differ in size. The demo mixes them into its feed; tests use them too.
 */
public final class FaultyEvents {
    /** Which broken record. */
    public enum Fault {
        /** A truncated PNG inside a valid image event. */
        BAD_BYTES(ErrorReason.UNDECODABLE_IMAGE),
        /** Not in the Confluent wire format: the first byte is 1, not 0. */
        WRONG_MAGIC_BYTE(ErrorReason.SCHEMA_ERROR),
        /** A pair event whose after image is smaller than its before image. */
        PAIR_SIZE_MISMATCH(ErrorReason.PAIR_SIZE_MISMATCH);

        private final ErrorReason expected;

        Fault(ErrorReason expected) {
            this.expected = expected;
        }

        /** The dead-letter reason the worker gives it. */
        public ErrorReason expected() {
            return expected;
        }
    }

    /**
     * One broken record, serialized.
     *
     * @param id its event id (a record with a wrong magic byte has none the worker could read)
     */
    public record Faulty(Fault fault, String topic, String key, String id, byte[] value) {
        /** Sends it as it is. */
        public void sendWith(EventProducer producer) {
            producer.sendRaw(topic, key, value);
        }
    }

    /** All kinds, in the order {@link #make} cycles through them. */
    public static final List<Fault> ALL = List.of(Fault.values());

    private FaultyEvents() {}

    /** A broken record of kind {@code fault} with event id {@code id} and source {@code source}. */
    public static Faulty make(Fault fault, String id, String source, Topics topics) {
        ImagePayloads inline = new ImagePayloads(Long.MAX_VALUE, null);
        byte[] good = png(64, 64);
        switch (fault) {
            case BAD_BYTES:
                {
                    var event =
                            Events.image(
                                    id,
                                    source,
                                    Instant.now(),
                                    inline.fromBytes(
                                            Arrays.copyOf(good, good.length / 2), id + ".png"),
                                    Map.of("fault", fault.name()));
                    return new Faulty(
                            fault,
                            topics.images().name(),
                            source,
                            id,
                            serialize(topics.images(), event));
                }
            case WRONG_MAGIC_BYTE:
                {
                    var event =
                            Events.image(
                                    id,
                                    source,
                                    Instant.now(),
                                    inline.fromBytes(good, id + ".png"),
                                    Map.of());
                    byte[] value = serialize(topics.images(), event);
                    value[0] = 1;
                    return new Faulty(fault, topics.images().name(), source, id, value);
                }
            default:
                {
                    var event =
                            Events.pair(
                                    id,
                                    source,
                                    Instant.now(),
                                    inline.fromBytes(good, id + "-before.png"),
                                    inline.fromBytes(png(48, 48), id + "-after.png"),
                                    Map.of("fault", fault.name()));
                    return new Faulty(
                            fault,
                            topics.imagePairs().name(),
                            source,
                            id,
                            serialize(topics.imagePairs(), event));
                }
        }
    }

    private static <V> byte[] serialize(io.capstream.schema.TopicSpec<String, V> topic, V value) {
        return topic.valueSerde().serializer().serialize(topic.name(), value);
    }

    private static byte[] png(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(90, 140, 200));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return DeterministicPng.encode(img);
    }
}
