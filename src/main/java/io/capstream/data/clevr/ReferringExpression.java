package io.capstream.data.clevr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The four-word referring expression "[size] [colour] [material] [shape]", e.g. "tiny red shiny
 * block". Any synonym may stand in each slot; all of them name the same attribute value.
 */
public final class ReferringExpression {
    /** Number of words in an expression. */
    public static final int WORDS = 4;

    private ReferringExpression() {}

    /** One expression for {@code a} with synonyms drawn from {@code random}. */
    public static String sample(ObjectAttributes a, SplittableRandom random) {
        return pick(a.size(), random)
                + " "
                + pick(a.color(), random)
                + " "
                + pick(a.material(), random)
                + " "
                + pick(a.shape(), random);
    }

    /** Every expression for {@code a}: all synonym combinations. */
    public static List<String> all(ObjectAttributes a) {
        List<String> out = new ArrayList<>();
        for (String size : a.size().synonyms()) {
            for (String color : a.color().synonyms()) {
                for (String material : a.material().synonyms()) {
                    for (String shape : a.shape().synonyms()) {
                        out.add(size + " " + color + " " + material + " " + shape);
                    }
                }
            }
        }
        return out;
    }

    /** The attributes named by {@code words[from..from+4)}, if those four words form one. */
    public static Optional<ObjectAttributes> parse(List<String> words, int from) {
        if (from < 0 || from + WORDS > words.size()) {
            return Optional.empty();
        }
        Optional<ObjectSize> size = AttributeWord.parse(ObjectSize.class, words.get(from));
        Optional<ObjectColor> color = AttributeWord.parse(ObjectColor.class, words.get(from + 1));
        Optional<Material> material = AttributeWord.parse(Material.class, words.get(from + 2));
        Optional<ObjectShape> shape = AttributeWord.parse(ObjectShape.class, words.get(from + 3));
        if (size.isEmpty() || color.isEmpty() || material.isEmpty() || shape.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new ObjectAttributes(size.get(), color.get(), material.get(), shape.get()));
    }

    static String pick(AttributeWord value, SplittableRandom random) {
        List<String> words = value.synonyms();
        return words.get(random.nextInt(words.size()));
    }
}
