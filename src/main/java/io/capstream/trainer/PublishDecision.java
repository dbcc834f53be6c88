package io.capstream.trainer;

import io.capstream.config.ConfigKeys;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Whether a round's checkpoint is published: when it scores at least {@code before +
 * minImprovement} CIDEr-D on the held-out slice the current checkpoint was scored on, or always
 * when {@code trainer.publish.always} is set.
 *
 * @param publish whether to promote and announce the checkpoint
 * @param reason one line saying why, with the scores
 */
public record PublishDecision(boolean publish, String reason) {
    /** Scores that differ by less than this are equal (floating-point noise of the metric). */
    static final double TOLERANCE = 1e-9;

    /**
     * Decides.
     *
     * @param before CIDEr-D of the current checkpoint on the held-out slice; empty without one
     * @param after CIDEr-D of the new checkpoint on the same slice; empty without one
     * @param minImprovement the required gain (negative: a tolerated loss)
     * @param always publish whatever the scores
     * @return the decision
     */
    public static PublishDecision decide(
            OptionalDouble before, OptionalDouble after, double minImprovement, boolean always) {
        if (always) {
            return new PublishDecision(
                    true,
                    ConfigKeys.TRAINER_PUBLISH_ALWAYS.name() + " is set" + scores(before, after));
        }
        if (before.isEmpty() || after.isEmpty()) {
            return new PublishDecision(
                    false,
                    "no held-out examples to validate on yet (set "
                            + ConfigKeys.TRAINER_VALIDATION_FRACTION.name()
                            + " above 0, or "
                            + ConfigKeys.TRAINER_PUBLISH_ALWAYS.name()
                            + ")");
        }
        double required = before.getAsDouble() + minImprovement;
        boolean ok = after.getAsDouble() >= required - TOLERANCE;
        return new PublishDecision(
                ok,
                String.format(
                        Locale.ROOT,
                        "CIDEr-D %.4f %s %.4f %s %.4f (%s)",
                        after.getAsDouble(),
                        ok ? "≥" : "<",
                        before.getAsDouble(),
                        minImprovement < 0 ? "-" : "+",
                        Math.abs(minImprovement),
                        ConfigKeys.TRAINER_PUBLISH_MIN_IMPROVEMENT.name()));
    }

    private static String scores(OptionalDouble before, OptionalDouble after) {
        if (before.isEmpty() || after.isEmpty()) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                " (CIDEr-D %.4f, current %.4f)",
                after.getAsDouble(),
                before.getAsDouble());
    }
}
