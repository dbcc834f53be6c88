package io.capstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void shouldRightAlignNumericColumnsWhenMarkdown() {
        String md =
                new Table("name", "rate").row("diffusion", "12.5").row("AR", "3.25×").render(true);
        assertEquals(
                "| name      |  rate |\n"
                        + "| --------- | ----: |\n"
                        + "| diffusion |  12.5 |\n"
                        + "| AR        | 3.25× |\n",
                md);
    }

    @Test
    void shouldPadColumnsWhenPlain() {
        String plain = new Table("name", "rate").row("diffusion", 7).render(false);
        assertEquals("name       rate\ndiffusion     7\n", plain);
    }

    @Test
    void shouldRejectRowWhenCellCountDiffers() {
        assertThrows(IllegalArgumentException.class, () -> new Table("a", "b").row("x"));
    }
}
