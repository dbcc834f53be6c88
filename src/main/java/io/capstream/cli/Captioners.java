package io.capstream.cli;

import io.capstream.config.CapstreamConfig;
import io.capstream.model.Captioner;
import io.capstream.util.UserInputException;
import java.util.Map;

/**
 * Opens the models a worker serves: the current version of {@code decider} (pairs) and {@code
 * iba-cd} (single images) in the configured model store. The one place that knows how checkpoints
 * become captioners.
 */
final class Captioners {
    /** The pair model's name. */
    static final String PAIRS = "decider";

    /** The single-image model's name. */
    static final String IMAGES = "iba-cd";

    private Captioners() {}

    /**
     * The current {@code decider} and {@code iba-cd} of {@code model.store}, on {@code
     * model.device}, with {@code model.sampling.steps}.
     *
     * @throws UserInputException when the store or a model in it cannot be opened
     */
    static Map<String, Captioner> openShipped(CapstreamConfig cfg) {
        // Stand-in until the model store (feat/train) is merged: then ModelStore.fromConfig +
        // DjlCaptioner.open replace this line.
        throw new UserInputException(
                "this build has no model store yet: the checkpoints of "
                        + PAIRS
                        + " and "
                        + IMAGES
                        + " cannot be opened");
    }
}
