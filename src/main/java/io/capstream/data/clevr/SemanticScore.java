package io.capstream.data.clevr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Semantic accuracy of change captions against the ground truth, overall and per change type.
 *
 * @param overall all scored pairs
 * @param byType per true change type id ("color", ..., "no-change"), in {@link ChangeType} order
 */
public record SemanticScore(Breakdown overall, Map<String, Breakdown> byType) {
    public SemanticScore {
        byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    }

    /**
     * Counts for one group of pairs. Unparseable captions count as wrong everywhere.
     *
     * @param pairs pairs scored
     * @param unparsed captions the grammar could not parse
     * @param typeCorrect captions with the right change type
     * @param objectTotal pairs whose truth names an object (all but no-change)
     * @param objectCorrect of those, captions naming that object with all four attributes right
     * @param valueTotal colour and material changes
     * @param valueCorrect of those, captions with the right new value
     * @param exactCorrect captions whose whole meaning (type, object, value) is right
     */
    public record Breakdown(
            int pairs,
            int unparsed,
            int typeCorrect,
            int objectTotal,
            int objectCorrect,
            int valueTotal,
            int valueCorrect,
            int exactCorrect) {
        public double typeAccuracy() {
            return ratio(typeCorrect, pairs);
        }

        /** NaN when no pair names an object. */
        public double objectAccuracy() {
            return ratio(objectCorrect, objectTotal);
        }

        /** NaN when no pair is a colour or material change. */
        public double valueAccuracy() {
            return ratio(valueCorrect, valueTotal);
        }

        public double exactAccuracy() {
            return ratio(exactCorrect, pairs);
        }

        Breakdown plus(Breakdown o) {
            return new Breakdown(
                    pairs + o.pairs,
                    unparsed + o.unparsed,
                    typeCorrect + o.typeCorrect,
                    objectTotal + o.objectTotal,
                    objectCorrect + o.objectCorrect,
                    valueTotal + o.valueTotal,
                    valueCorrect + o.valueCorrect,
                    exactCorrect + o.exactCorrect);
        }

        private static double ratio(int n, int d) {
            return d == 0 ? Double.NaN : (double) n / d;
        }
    }

    /** A table for the terminal; "-" where an accuracy does not apply. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(
                "semantic accuracy (captions parsed with the CLEVR-Change grammar; unparseable ="
                        + " wrong)\n");
        sb.append(
                String.format(
                        Locale.ROOT,
                        "%-10s %6s %8s %6s %6s %6s %6s%n",
                        "type",
                        "pairs",
                        "unparsed",
                        "type",
                        "object",
                        "value",
                        "exact"));
        byType.forEach((type, b) -> sb.append(row(type, b)));
        sb.append(row("overall", overall));
        return sb.toString();
    }

    private static String row(String name, Breakdown b) {
        return String.format(
                Locale.ROOT,
                "%-10s %6d %8d %6s %6s %6s %6s%n",
                name,
                b.pairs(),
                b.unparsed(),
                cell(b.typeAccuracy()),
                cell(b.objectAccuracy()),
                cell(b.valueAccuracy()),
                cell(b.exactAccuracy()));
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
