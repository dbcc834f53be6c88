package io.capstream.data.toons;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Places the characters of a scene so that the relation between the group and the second character
 * is plain from the picture: side by side with a clear gap, or one row strictly above the other and
 * overlapping it horizontally. Coordinates are fractions of the image size.
 */
final class SceneLayout {
    private static final double MARGIN = 0.03;
    private static final double MAX_SCALE = 0.4;

    private SceneLayout() {}

    static List<Figure> place(
            Random rng,
            Actor group,
            int count,
            Optional<Actor> second,
            Optional<Relation> relation,
            double groundY) {
        boolean facing = rng.nextBoolean();
        List<Figure> figures = new ArrayList<>();
        if (second.isEmpty() || relation.get().horizontal()) {
            boolean secondLeft = relation.map(r -> r == Relation.LEFT_OF).orElse(false);
            // three plus a second character would be tiny in one row: the middle member of the
            // group stands behind the other two, raised as if further back
            boolean formation = count == 3 && second.isPresent();
            int front = formation ? 2 : count;
            List<Actor> row = new ArrayList<>();
            for (int i = 0; i < front; i++) {
                row.add(group);
            }
            second.ifPresent(a -> row.add(secondLeft ? 0 : row.size(), a));
            int secondIndex = second.isEmpty() ? -1 : secondLeft ? 0 : front;
            double[] gaps = gaps(rng, row.size(), secondIndex);
            double back = 0;
            if (formation) {
                gaps[secondLeft ? 1 : 0] = CharacterPainter.halfWidth(group) * 1.1;
                back = 0.42 * CharacterPainter.height(group);
            }
            double units = width(row, gaps);
            double height = back;
            for (Actor a : row) {
                height =
                        Math.max(
                                height,
                                CharacterPainter.height(a) + CharacterPainter.lift(a) + back);
            }
            double scale =
                    Math.min(
                            Math.min(MAX_SCALE, (1 - 2 * MARGIN) / units),
                            (groundY - MARGIN) / height);
            scale *= 0.88 + 0.12 * rng.nextDouble();
            double left = MARGIN + rng.nextDouble() * (1 - 2 * MARGIN - units * scale);
            double[] xs = centres(row, gaps, left, scale);
            double groupFoot = groundY - CharacterPainter.lift(group) * scale;
            if (formation) {
                int first = secondLeft ? 1 : 0;
                double x = (xs[first] + xs[first + 1]) / 2;
                figures.add(new Figure(group, false, x, groupFoot - back * scale, scale, facing));
            }
            for (int i = 0; i < row.size(); i++) {
                if (i != secondIndex) {
                    figures.add(new Figure(group, false, xs[i], groupFoot, scale, facing));
                }
            }
            if (second.isPresent()) {
                // the second character faces the group
                Actor a = second.get();
                double foot = groundY - CharacterPainter.lift(a) * scale;
                figures.add(new Figure(a, true, xs[secondIndex], foot, scale, secondLeft));
            }
            return figures;
        }
        boolean secondAbove = relation.get() == Relation.ABOVE;
        List<Actor> groupRow = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            groupRow.add(group);
        }
        List<Actor> secondRow = List.of(second.get());
        List<Actor> lower = secondAbove ? groupRow : secondRow;
        List<Actor> upper = secondAbove ? secondRow : groupRow;
        double[] lowerGaps = gaps(rng, lower.size(), -1);
        double[] upperGaps = gaps(rng, upper.size(), -1);
        double units = Math.max(width(lower, lowerGaps), width(upper, upperGaps));
        double lowerHeight = 0;
        for (Actor a : lower) {
            lowerHeight =
                    Math.max(lowerHeight, CharacterPainter.height(a) + CharacterPainter.lift(a));
        }
        double upperHeight = CharacterPainter.height(upper.get(0));
        double gap = 0.12;
        double scale =
                Math.min(
                        Math.min(MAX_SCALE, (1 - 2 * MARGIN) / units),
                        (groundY - MARGIN) / (lowerHeight + gap + upperHeight));
        scale *= 0.9 + 0.1 * rng.nextDouble();
        double centre =
                MARGIN + units * scale / 2 + rng.nextDouble() * (1 - 2 * MARGIN - units * scale);
        double lowerLeft = centre - width(lower, lowerGaps) * scale / 2;
        double upperLeft = centre - width(upper, upperGaps) * scale / 2;
        double[] lowerX = centres(lower, lowerGaps, lowerLeft, scale);
        double[] upperX = centres(upper, upperGaps, upperLeft, scale);
        double upperFoot = groundY - (lowerHeight + gap) * scale;
        for (int i = 0; i < count; i++) {
            double x = secondAbove ? lowerX[i] : upperX[i];
            double foot = secondAbove ? groundY - CharacterPainter.lift(group) * scale : upperFoot;
            figures.add(new Figure(group, false, x, foot, scale, facing));
        }
        Actor other = second.get();
        double foot = secondAbove ? upperFoot : groundY - CharacterPainter.lift(other) * scale;
        figures.add(
                new Figure(
                        other,
                        true,
                        secondAbove ? upperX[0] : lowerX[0],
                        foot,
                        scale,
                        rng.nextBoolean()));
        return figures;
    }

    /** Gaps after each character, in character heights: wider between group and second. */
    private static double[] gaps(Random rng, int n, int secondIndex) {
        double[] gaps = new double[Math.max(0, n - 1)];
        for (int i = 0; i < gaps.length; i++) {
            boolean besideSecond = i == secondIndex || i + 1 == secondIndex;
            gaps[i] = (besideSecond ? 0.3 : 0.06) + 0.1 * rng.nextDouble();
        }
        return gaps;
    }

    private static double width(List<Actor> row, double[] gaps) {
        double w = 0;
        for (Actor a : row) {
            w += 2 * CharacterPainter.halfWidth(a);
        }
        for (double gap : gaps) {
            w += gap;
        }
        return w;
    }

    private static double[] centres(List<Actor> row, double[] gaps, double left, double scale) {
        double[] xs = new double[row.size()];
        double x = left;
        for (int i = 0; i < row.size(); i++) {
            double half = CharacterPainter.halfWidth(row.get(i)) * scale;
            xs[i] = x + half;
            x += 2 * half + (i < gaps.length ? gaps[i] * scale : 0);
        }
        return xs;
    }
}
