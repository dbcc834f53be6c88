package io.capstream.model.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagePreprocessorTest {
    private final ImagePreprocessor pre = new ImagePreprocessor(16, 4096L * 4096L);

    @Test
    void shouldResizeToChannelMajorUnitFloatsWhenDecodingPng() throws Exception {
        ModelImage img = pre.decode(encode(solid(64, 48, new Color(255, 0, 51)), "png"));
        assertEquals(16, img.size());
        assertEquals(64, img.originalWidth());
        assertEquals(48, img.originalHeight());
        int n = 16 * 16;
        assertEquals(1f, img.chw()[0], 1e-6);
        assertEquals(0f, img.chw()[n + 5], 1e-6);
        assertEquals(51 / 255f, img.chw()[2 * n + 200], 1e-6);
    }

    @Test
    void shouldGiveSameTensorWhenSameImageIsDecodedAsPngOrBmp() throws Exception {
        BufferedImage src = solid(40, 40, Color.BLUE);
        src.setRGB(3, 3, Color.WHITE.getRGB());
        assertArrayEquals(
                pre.decode(encode(src, "png")).chw(), pre.decode(encode(src, "bmp")).chw(), 1e-6f);
    }

    @Test
    void shouldReportUndecodableWhenPngIsTruncated() throws Exception {
        byte[] png = encode(solid(64, 64, Color.RED), "png");
        InvalidImageException e =
                assertThrows(InvalidImageException.class, () -> pre.decode(Arrays.copyOf(png, 60)));
        assertEquals(ImageProblem.UNDECODABLE_IMAGE, e.problem());
        assertTrue(e.getMessage().contains("60 bytes"), e.getMessage());
    }

    @Test
    void shouldReportUnsupportedFormatWhenBytesAreNotAnImage() {
        InvalidImageException e =
                assertThrows(
                        InvalidImageException.class,
                        () -> pre.decode("%PDF-1.7 not an image".getBytes()));
        assertEquals(ImageProblem.UNSUPPORTED_FORMAT, e.problem());
        assertTrue(e.getMessage().contains("25504446"), e.getMessage());
    }

    @Test
    void shouldReportUndecodableWhenEmpty() {
        assertEquals(
                ImageProblem.UNDECODABLE_IMAGE,
                assertThrows(InvalidImageException.class, () -> pre.decode(new byte[0])).problem());
    }

    @Test
    void shouldRejectTooManyPixelsBeforeDecodingWhenOverLimit() throws Exception {
        ImagePreprocessor small = new ImagePreprocessor(16, 100);
        InvalidImageException e =
                assertThrows(
                        InvalidImageException.class,
                        () -> small.decode(encode(solid(20, 20, Color.RED), "png")));
        assertEquals(ImageProblem.TOO_LARGE, e.problem());
    }

    @Test
    void shouldRejectPairWhenSizesDiffer() throws Exception {
        InvalidImageException e =
                assertThrows(
                        InvalidImageException.class,
                        () ->
                                pre.decodePair(
                                        encode(solid(64, 64, Color.RED), "png"),
                                        encode(solid(64, 32, Color.RED), "png")));
        assertEquals(ImageProblem.PAIR_SIZE_MISMATCH, e.problem());
        assertEquals("before image is 64x64 but after image is 64x32", e.getMessage());
    }

    @Test
    void shouldAverageAreaWhenShrinkingLargeImages() throws Exception {
        // A fine checkerboard must shrink to mid-grey, not to aliasing stripes.
        BufferedImage checker = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                checker.setRGB(x, y, ((x + y) % 2 == 0) ? 0xffffff : 0);
            }
        }
        float[] chw = pre.fromImage(checker).chw();
        for (float v : chw) {
            assertEquals(0.5f, v, 0.15f);
        }
    }

    private static BufferedImage solid(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }
}
