package io.capstream.data.toons;

import java.util.List;
import java.util.Locale;

/** Where a scene takes place; each setting has its own background drawing. */
public enum Setting {
    /** Blue sky, green grass, one round tree. */
    PARK(List.of("in the park", "at the park", "in a park"), List.of("a park")),
    /** Sky, turquoise sea with waves, sand. */
    BEACH(List.of("on the beach", "at the beach", "by the sea"), List.of("a beach")),
    /** Warm tiled wall, wooden table, plank floor. */
    KITCHEN(List.of("in the kitchen", "in a kitchen"), List.of("a kitchen")),
    /** Dark sky with stars, a planet, grey moon ground. */
    SPACE(
            List.of("in space", "in outer space", "under the stars in space"),
            List.of("outer space")),
    /** Night sky, moon, buildings with lit windows, pavement. */
    CITY(
            List.of("in the city at night", "on a city street at night"),
            List.of("a city street at night", "a city at night")),
    /** Pine trees and brown forest floor. */
    FOREST(List.of("in the forest", "in a forest"), List.of("a forest"));

    private final List<String> locatives;
    private final List<String> nounPhrases;

    Setting(List<String> locatives, List<String> nounPhrases) {
        this.locatives = locatives;
        this.nounPhrases = nounPhrases;
    }

    /** Prepositional phrases that place a scene here, e.g. "in the park". */
    public List<String> locatives() {
        return locatives;
    }

    /** Noun phrases naming the place, e.g. "a park" (used as "a park with ..."). */
    public List<String> nounPhrases() {
        return nounPhrases;
    }

    /** The JSON name, e.g. "park". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
