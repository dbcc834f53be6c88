package io.capstream.trainer;

import java.util.List;
import java.util.Locale;

/** The one log line of a round. */
final class RoundLine {
    private RoundLine() {}

    /**
     * E.g. {@code round decider v3 (from v2): 120 events (96 new), 36 held out, 50 steps, loss
     * 2.314 -> 1.871, val CIDEr-D 0.412 -> 0.455, published: CIDEr-D ..., 41.2 s}.
     */
    static String of(TrainingRound.Result r, boolean published) {
        StringBuilder s =
                new StringBuilder(
                        String.format(
                                Locale.ROOT,
                                "round %s v%d (from v%d): %d events (%d new), %d held out, %d steps,"
                                        + " loss %.3f -> %.3f, ",
                                r.model(),
                                r.version(),
                                r.previousVersion(),
                                r.input().train().size(),
                                r.input().newTraining(),
                                r.input().heldOut().size(),
                                r.losses().size(),
                                mean(r.losses(), true),
                                mean(r.losses(), false)));
        if (r.before().isPresent() && r.after().isPresent()) {
            s.append(
                    String.format(
                            Locale.ROOT,
                            "val CIDEr-D %.3f -> %.3f, ",
                            r.before().get().ciderD(),
                            r.after().get().ciderD()));
        } else {
            s.append("no validation, ");
        }
        s.append(published ? "published: " : "not published, v" + r.version() + " kept: ");
        s.append(r.decision().reason());
        s.append(String.format(Locale.ROOT, ", %.1f s", r.seconds()));
        return s.toString();
    }

    /** Mean of the first (or last) tenth of the losses, at least one value. */
    private static double mean(List<Float> losses, boolean first) {
        if (losses.isEmpty()) {
            return Double.NaN;
        }
        int n = Math.max(1, losses.size() / 10);
        int from = first ? 0 : losses.size() - n;
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += losses.get(i);
        }
        return sum / n;
    }
}
