package io.capstream.cli;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.model.Captioner;
import io.capstream.model.DjlCaptioner;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.util.UserInputException;
import java.util.LinkedHashMap;
import java.util.List;
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
     * model.device}, with {@code model.sampling.steps} and {@code model.threads}.
     *
     * @throws UserInputException when the store or a model in it cannot be opened
     */
    static Map<String, Captioner> openShipped(CapstreamConfig cfg) {
        ModelStore store = ModelStore.fromConfig(cfg.get(ConfigKeys.MODEL_STORE));
        String device = cfg.get(ConfigKeys.DEVICE);
        int steps = cfg.get(ConfigKeys.SAMPLING_STEPS);
        CliModels.threads(cfg);
        Map<String, Captioner> out = new LinkedHashMap<>();
        try {
            for (String name : List.of(PAIRS, IMAGES)) {
                out.put(
                        name,
                        DjlCaptioner.open(store.path(name, store.current(name)), device, steps));
            }
        } catch (RuntimeException e) {
            out.values().forEach(Captioner::close);
            throw e;
        }
        return out;
    }
}
