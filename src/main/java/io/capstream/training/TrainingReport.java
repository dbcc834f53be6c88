package io.capstream.training;

import io.capstream.model.checkpoint.ModelCheckpoint;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link Trainer#train} run did.
 *
 * @param checkpoint the checkpoint written (best-by-CIDEr-D EMA weights)
 * @param firstStep the step the run started from (0, or the resumed step)
 * @param lastStep the step count reached
 * @param losses the training loss (all terms but the CLUB estimator's own) of each step of this run
 * @param validations the validation passes of the whole training, resumed runs included
 * @param best the best validation pass, if any ran
 * @param wallSeconds wall time of this run's steps (validation included)
 * @param samplesPerSecond training samples per second of this run (validation excluded)
 */
public record TrainingReport(
        ModelCheckpoint checkpoint,
        int firstStep,
        int lastStep,
        List<Float> losses,
        List<Validation> validations,
        Optional<Validation> best,
        double wallSeconds,
        double samplesPerSecond) {
    public TrainingReport {
        losses = List.copyOf(losses);
        validations = List.copyOf(validations);
    }
}
