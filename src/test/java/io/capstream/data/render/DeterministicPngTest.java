package io.capstream.data.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DeterministicPngTest {
    private static BufferedImage picture() {
        BufferedImage image = Canvas.newImage(48);
        Graphics2D g = Canvas.graphics(image);
        g.setColor(new Color(200, 200, 200));
        g.fillRect(0, 0, 48, 48);
        Shading.fillRadial(
                g,
                20,
                22,
                12,
                12,
                -0.3,
                -0.3,
                new float[] {0f, 1f},
                new Color[] {Color.WHITE, new Color(40, 70, 200)});
        Shading.softShadow(g, 30, 40, 10, 4, 0.4);
        g.setColor(Color.RED);
        g.fill(new Ellipse2D.Double(30, 5, 9, 9));
        g.dispose();
        return image;
    }

    @Test
    void shouldWriteSameBytesWhenSameImageEncodedTwice() {
        assertArrayEquals(DeterministicPng.encode(picture()), DeterministicPng.encode(picture()));
    }

    @Test
    void shouldKeepEveryPixelWhenDecodedAgain() throws Exception {
        BufferedImage original = picture();
        BufferedImage decoded =
                ImageIO.read(new ByteArrayInputStream(DeterministicPng.encode(original)));
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                assertEquals(
                        original.getRGB(x, y) & 0xFFFFFF,
                        decoded.getRGB(x, y) & 0xFFFFFF,
                        "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void shouldContainOnlyImageChunksWhenEncoded() {
        byte[] png = DeterministicPng.encode(picture());
        List<String> chunks = new ArrayList<>();
        int at = 8; // after the signature
        while (at < png.length) {
            int length =
                    ((png[at] & 0xFF) << 24)
                            | ((png[at + 1] & 0xFF) << 16)
                            | ((png[at + 2] & 0xFF) << 8)
                            | (png[at + 3] & 0xFF);
            String type = new String(png, at + 4, 4, StandardCharsets.US_ASCII);
            if (!type.equals("IDAT")
                    || chunks.isEmpty()
                    || !chunks.get(chunks.size() - 1).equals("IDAT")) {
                chunks.add(type);
            }
            at += 12 + length;
        }
        // No tIME, tEXt or other metadata that could differ between runs.
        assertEquals(List.of("IHDR", "IDAT", "IEND"), chunks);
    }
}
