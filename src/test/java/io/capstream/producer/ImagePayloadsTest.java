package io.capstream.producer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.capstream.data.render.DeterministicPng;
import io.capstream.schema.avro.ImageData;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePayloadsTest {
    @TempDir Path dir;

    private static byte[] png(int w, int h) {
        return DeterministicPng.encode(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB));
    }

    @Test
    void shouldSendImageInlineWithItsSizeWhenUnderTheLimit() throws Exception {
        byte[] png = png(40, 30);
        Path f = Files.write(dir.resolve("a.png"), png);
        ImageData d = new ImagePayloads(png.length, dir.resolve("spool")).fromFile(f);
        assertArrayEquals(png, d.getBytes().array());
        assertNull(d.getUri());
        assertEquals("image/png", d.getContentType());
        assertEquals(png.length, d.getSizeBytes());
        assertEquals(40, d.getWidth());
        assertEquals(30, d.getHeight());
    }

    @Test
    void shouldReferenceFileWithChecksumWhenOverTheLimit() throws Exception {
        byte[] png = png(40, 30);
        Path f = Files.write(dir.resolve("b.png"), png);
        ImageData d = new ImagePayloads(png.length - 1, dir.resolve("spool")).fromFile(f);
        assertNull(d.getBytes());
        assertEquals(f.toAbsolutePath(), Path.of(URI.create(d.getUri())));
        assertEquals(png.length, d.getSizeBytes());
        assertEquals(40, d.getWidth());
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)),
                d.getSha256());
    }

    @Test
    void shouldSpoolInMemoryImageToFileWhenOverTheLimit() throws Exception {
        byte[] png = png(16, 16);
        ImageData d = new ImagePayloads(10, dir.resolve("spool")).fromBytes(png, "cam 1/x.png");
        Path spooled = Path.of(URI.create(d.getUri()));
        assertEquals(dir.resolve("spool").resolve("cam_1_x.png").toAbsolutePath(), spooled);
        assertArrayEquals(png, Files.readAllBytes(spooled));
    }

    @Test
    void shouldGuessContentTypeFromExtension() {
        assertEquals("image/jpeg", ImagePayloads.contentType("A.JPG"));
        assertEquals("image/gif", ImagePayloads.contentType("a.gif"));
        assertEquals("application/octet-stream", ImagePayloads.contentType("a.tiff"));
    }
}
