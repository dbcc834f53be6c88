package io.capstream.trainer;

import io.capstream.data.Split;
import io.capstream.producer.Events;
import io.capstream.producer.ImagePayloads;
import io.capstream.schema.avro.ImageData;
import io.capstream.schema.avro.LabeledImage;
import io.capstream.schema.avro.LabeledPair;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/** Labeled events with real PNG pictures, good and bad, for the trainer tests. */
final class LabeledTesting {
    private static final ImagePayloads PAYLOADS = new ImagePayloads(1 << 20, Path.of("unused"));

    private LabeledTesting() {}

    /** A PNG of one colour with a square of another. */
    static byte[] png(int size, Color background, Color square) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, size, size);
        g.setColor(square);
        g.fillRect(size / 4, size / 4, size / 2, size / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static ImageData image(byte[] encoded) {
        return PAYLOADS.fromBytes(encoded, "x.png");
    }

    static LabeledPair pair(String id, List<String> captions, byte[] before, byte[] after) {
        return Events.labeledPair(
                id, "test", image(before), image(after), captions, Split.TRAIN, Optional.empty());
    }

    static LabeledImage single(String id, List<String> captions, byte[] picture) {
        return Events.labeledImage(id, "test", image(picture), captions, Split.TRAIN);
    }
}
