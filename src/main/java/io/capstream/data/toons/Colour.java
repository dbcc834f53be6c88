package io.capstream.data.toons;

import java.awt.Color;
import java.util.Locale;

/**
 * A body colour. The palette is saturated so that it stays distinguishable from every (muted)
 * background; characters also carry a dark outline.
 */
public enum Colour {
    RED(new Color(222, 38, 38)),
    BLUE(new Color(36, 84, 226)),
    GREEN(new Color(28, 150, 48)),
    YELLOW(new Color(252, 214, 28)),
    PURPLE(new Color(140, 56, 200)),
    ORANGE(new Color(250, 128, 16)),
    PINK(new Color(250, 128, 196)),
    WHITE(new Color(252, 252, 252));

    private final Color rgb;

    Colour(Color rgb) {
        this.rgb = rgb;
    }

    /** The word used in captions, e.g. "red". */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fill colour. */
    public Color rgb() {
        return rgb;
    }

    /** The JSON name, same as {@link #word()}. */
    public String id() {
        return word();
    }
}
