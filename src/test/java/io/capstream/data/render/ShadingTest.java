package io.capstream.data.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ShadingTest {
    @Test
    void shouldMultiplyChannelsAndClampWhenBrightnessChanged() {
        BufferedImage image = Canvas.newImage(2);
        image.setRGB(0, 0, new Color(100, 200, 10).getRGB());
        image.setRGB(1, 1, new Color(250, 0, 128).getRGB());

        BufferedImage brighter = Shading.brightness(image, 1.1);

        assertEquals(new Color(110, 220, 11), new Color(brighter.getRGB(0, 0)));
        assertEquals(new Color(255, 0, 141), new Color(brighter.getRGB(1, 1)));
    }

    @Test
    void shouldInterpolateWhenColoursMixed() {
        Color a = new Color(0, 100, 200);
        Color b = new Color(200, 100, 0);

        assertEquals(a, Shading.mix(a, b, 0));
        assertEquals(b, Shading.mix(a, b, 1));
        assertEquals(new Color(100, 100, 100), Shading.mix(a, b, 0.5));
        assertEquals(new Color(0, 50, 100), Shading.scale(a, 0.5));
    }
}
