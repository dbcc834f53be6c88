package io.capstream.data.toons;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Places the characters of a scene so that the relation between the group and the second character
 * is plain from the picture: side by side with a clear gap, or one row strictly above the other and
 * overlapping it horizontally. Room per pose comes from {@link Extents}; coordinates are fractions
 * of the image size.
 */
final class SceneLayout {
    private static final double MARGIN = 0.03;
    private static final double MAX_SCALE = 0.4;

    /** Vertical gap between a lower and an upper row, in character heights. */
    private static final double ROW_GAP = 0.1;

    private SceneLayout() {}

    /** One character to place in a row. */
    private record Slot(Actor actor, boolean facingRight, boolean second) {
        Extents extents() {
            return Extents.of(actor);
        }

        double width() {
            return extents().left() + extents().right();
        }

        double lift() {
            return CharacterPainter.lift(actor);
        }
    }

    static List<Figure> place(
            Random rng,
            Actor group,
            int count,
            Optional<Actor> second,
            Optional<Relation> relation,
            double groundY) {
        boolean facing = rng.nextBoolean();
        if (second.isEmpty() || relation.get().horizontal()) {
            return row(rng, group, count, second, relation, groundY, facing);
        }
        return stacked(rng, group, count, second.get(), relation.get(), groundY, facing);
    }

    private static List<Figure> row(
            Random rng,
            Actor group,
            int count,
            Optional<Actor> second,
            Optional<Relation> relation,
            double groundY,
            boolean facing) {
        boolean secondLeft = relation.map(r -> r == Relation.LEFT_OF).orElse(false);
        // three plus a second character would be tiny in one row: the middle member of the group
        // stands behind the other two, raised as if further back
        boolean formation = count == 3 && second.isPresent();
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < (formation ? 2 : count); i++) {
            slots.add(new Slot(group, facing, false));
        }
        // the second character faces the group
        second.ifPresent(
                a -> slots.add(secondLeft ? 0 : slots.size(), new Slot(a, secondLeft, true)));
        // group members may overlap each other's marks (they are the same); the gap to the
        // second character also keeps their marks apart
        double[] gaps = new double[slots.size() - 1];
        for (int i = 0; i < gaps.length; i++) {
            Slot a = slots.get(i);
            Slot b = slots.get(i + 1);
            boolean besideSecond = a.second() || b.second();
            double marks =
                    besideSecond
                            ? a.extents().marksPastRight(a.facingRight())
                                    + b.extents().marksPastLeft(b.facingRight())
                            : 0;
            gaps[i] = (besideSecond ? 0.22 : 0.04) + marks + 0.08 * rng.nextDouble();
        }
        double back = 0;
        if (formation) {
            Slot member = new Slot(group, facing, false);
            gaps[secondLeft ? 1 : 0] = 0.5 * member.width();
            back = 0.42 * member.extents().top();
        }
        Slot head = slots.get(0);
        Slot last = slots.get(slots.size() - 1);
        // marks may not leave the picture either
        double before = head.extents().marksPastLeft(head.facingRight());
        double units =
                before + width(slots, gaps) + last.extents().marksPastRight(last.facingRight());
        double height = 0;
        for (Slot s : slots) {
            height = Math.max(height, s.extents().top() + s.lift() + (s.second() ? 0 : back));
        }
        double scale =
                Math.min(
                        Math.min(MAX_SCALE, (1 - 2 * MARGIN) / units), (groundY - MARGIN) / height);
        scale *= 0.88 + 0.12 * rng.nextDouble();
        double left = MARGIN + rng.nextDouble() * (1 - 2 * MARGIN - units * scale);
        double[] xs = centres(slots, gaps, left + before * scale, scale);

        List<Figure> figures = new ArrayList<>();
        double groupFoot = groundY - CharacterPainter.lift(group) * scale;
        if (formation) {
            int first = secondLeft ? 1 : 0;
            double x = (xs[first] + xs[first + 1]) / 2;
            figures.add(new Figure(group, false, x, groupFoot - back * scale, scale, facing));
        }
        Figure other = null;
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            Figure f =
                    new Figure(
                            s.actor(),
                            s.second(),
                            xs[i],
                            groundY - s.lift() * scale,
                            scale,
                            s.facingRight());
            if (s.second()) {
                other = f;
            } else {
                figures.add(f);
            }
        }
        if (other != null) {
            figures.add(other);
        }
        return figures;
    }

    private static List<Figure> stacked(
            Random rng,
            Actor group,
            int count,
            Actor second,
            Relation relation,
            double groundY,
            boolean facing) {
        boolean secondAbove = relation == Relation.ABOVE;
        List<Slot> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(new Slot(group, facing, false));
        }
        List<Slot> single = List.of(new Slot(second, rng.nextBoolean(), true));
        List<Slot> lower = secondAbove ? members : single;
        List<Slot> upper = secondAbove ? single : members;
        double[] lowerGaps = gaps(rng, lower.size());
        double[] upperGaps = gaps(rng, upper.size());
        double units = Math.max(width(lower, lowerGaps), width(upper, upperGaps));
        double lowerTop = 0;
        for (Slot s : lower) {
            lowerTop = Math.max(lowerTop, s.extents().top() + s.lift());
        }
        double upperTop = 0;
        for (Slot s : upper) {
            upperTop = Math.max(upperTop, s.extents().top());
        }
        double scale =
                Math.min(
                        Math.min(MAX_SCALE, (1 - 2 * MARGIN) / units),
                        (groundY - MARGIN) / (lowerTop + ROW_GAP + upperTop));
        scale *= 0.9 + 0.1 * rng.nextDouble();
        double centre =
                MARGIN + units * scale / 2 + rng.nextDouble() * (1 - 2 * MARGIN - units * scale);
        double[] lowerX =
                centres(lower, lowerGaps, centre - width(lower, lowerGaps) * scale / 2, scale);
        double[] upperX =
                centres(upper, upperGaps, centre - width(upper, upperGaps) * scale / 2, scale);
        double upperFoot = groundY - (lowerTop + ROW_GAP) * scale;

        List<Figure> figures = new ArrayList<>();
        Figure other = null;
        for (int row = 0; row < 2; row++) {
            List<Slot> slots = row == 0 ? lower : upper;
            double[] xs = row == 0 ? lowerX : upperX;
            for (int i = 0; i < slots.size(); i++) {
                Slot s = slots.get(i);
                double foot = row == 0 ? groundY - s.lift() * scale : upperFoot;
                Figure f = new Figure(s.actor(), s.second(), xs[i], foot, scale, s.facingRight());
                if (s.second()) {
                    other = f;
                } else {
                    figures.add(f);
                }
            }
        }
        figures.add(other);
        return figures;
    }

    private static double[] gaps(Random rng, int n) {
        double[] gaps = new double[Math.max(0, n - 1)];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = 0.04 + 0.08 * rng.nextDouble();
        }
        return gaps;
    }

    private static double width(List<Slot> row, double[] gaps) {
        double w = 0;
        for (Slot s : row) {
            w += s.width();
        }
        for (double gap : gaps) {
            w += gap;
        }
        return w;
    }

    /** Foot x of each slot when the row starts at {@code left}. */
    private static double[] centres(List<Slot> row, double[] gaps, double left, double scale) {
        double[] xs = new double[row.size()];
        double x = left;
        for (int i = 0; i < row.size(); i++) {
            Slot s = row.get(i);
            xs[i] = x + s.extents().leftOf(s.facingRight()) * scale;
            x = xs[i] + s.extents().rightOf(s.facingRight()) * scale;
            if (i < gaps.length) {
                x += gaps[i] * scale;
            }
        }
        return xs;
    }
}
