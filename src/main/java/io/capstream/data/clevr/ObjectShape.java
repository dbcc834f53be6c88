package io.capstream.data.clevr;

import java.util.List;

/** CLEVR's three shapes, drawn as a shaded box, a shaded ball and an upright cylinder. */
public enum ObjectShape implements AttributeWord {
    CUBE("cube", "block"),
    SPHERE("sphere", "ball"),
    CYLINDER("cylinder");

    private final List<String> synonyms;

    ObjectShape(String... synonyms) {
        this.synonyms = List.of(synonyms);
    }

    @Override
    public List<String> synonyms() {
        return synonyms;
    }
}
