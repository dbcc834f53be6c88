package io.capstream.cli;

import ai.djl.engine.Engine;
import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.model.ModelConfig;
import io.capstream.util.UserInputException;

/** Model names and engine settings shared by the model commands. */
final class CliModels {
    private CliModels() {}

    /** decider → DECIDER, iba-cd → IBA_CD; anything else names --model. */
    static ModelConfig.Task task(String model) {
        switch (model) {
            case "decider":
                return ModelConfig.Task.DECIDER;
            case "iba-cd":
                return ModelConfig.Task.IBA_CD;
            default:
                throw new UserInputException(
                        "--model '" + model + "' is not one of decider, iba-cd");
        }
    }

    static String name(ModelConfig.Task task) {
        return task == ModelConfig.Task.DECIDER ? "decider" : "iba-cd";
    }

    /**
     * Applies {@code model.threads} (0 keeps PyTorch's default): the commands that run models under
     * a config (worker, demo, pipeline bench, trainer) all call this.
     */
    static void threads(CapstreamConfig cfg) {
        int threads = cfg.get(ConfigKeys.MODEL_THREADS);
        if (threads > 0) {
            threads(threads);
        }
    }

    /** Sets PyTorch's intra-op thread count when given (overrides -Dai.djl.pytorch.num_threads). */
    static void threads(Integer threads) {
        if (threads == null) {
            return;
        }
        if (threads < 1) {
            throw new UserInputException("--threads " + threads + " must be ≥ 1");
        }
        Engine.getInstance(); // loads the native library first
        ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
    }
}
