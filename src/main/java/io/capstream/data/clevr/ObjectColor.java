package io.capstream.data.clevr;

import java.awt.Color;
import java.util.List;

/** CLEVR's eight colours with the RGB values of its renderer. */
public enum ObjectColor implements AttributeWord {
    GRAY("gray", 87, 87, 87),
    RED("red", 173, 35, 35),
    BLUE("blue", 42, 75, 215),
    GREEN("green", 29, 105, 20),
    BROWN("brown", 129, 74, 25),
    PURPLE("purple", 129, 38, 192),
    CYAN("cyan", 41, 208, 208),
    YELLOW("yellow", 255, 238, 51);

    private final List<String> synonyms;
    private final Color rgb;

    ObjectColor(String word, int r, int g, int b) {
        this.synonyms = List.of(word);
        this.rgb = new Color(r, g, b);
    }

    /** The base (diffuse) colour. */
    public Color rgb() {
        return rgb;
    }

    @Override
    public List<String> synonyms() {
        return synonyms;
    }
}
