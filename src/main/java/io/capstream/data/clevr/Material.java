package io.capstream.data.clevr;

import java.util.List;

/** CLEVR's two materials: matte rubber (flat shading) and shiny metal (contrast + highlight). */
public enum Material implements AttributeWord {
    RUBBER("rubber", "matte"),
    METAL("metal", "metallic", "shiny");

    private final List<String> synonyms;

    Material(String... synonyms) {
        this.synonyms = List.of(synonyms);
    }

    /** The other material. */
    public Material other() {
        return this == RUBBER ? METAL : RUBBER;
    }

    @Override
    public List<String> synonyms() {
        return synonyms;
    }
}
