package io.capstream.training;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files a checkpoint carries so that training can resume exactly: the raw weights, the weight
 * average, both optimizers' moments and the step. Everything else a resumed run needs (batch order,
 * noise) is a function of the seed and the step.
 */
final class TrainingState {
    static final String WEIGHTS = "train-weights.params";
    static final String AVERAGE = "train-ema.params";
    static final String MAIN_OPTIMIZER = "train-adamw-main.ndlist";
    static final String ESTIMATOR_OPTIMIZER = "train-adamw-estimator.ndlist";
    static final String STATE = "train-state.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingState() {}

    /** Writes the state files into a checkpoint's temporary directory. */
    static void write(
            Path dir,
            int step,
            long seed,
            byte[] weights,
            byte[] average,
            NDList mainMoments,
            NDList estimatorMoments)
            throws IOException {
        Files.write(dir.resolve(WEIGHTS), weights);
        Files.write(dir.resolve(AVERAGE), average);
        Files.write(dir.resolve(MAIN_OPTIMIZER), mainMoments.encode());
        Files.write(dir.resolve(ESTIMATOR_OPTIMIZER), estimatorMoments.encode());
        JSON.writeValue(dir.resolve(STATE).toFile(), Map.of("step", step, "seed", seed));
    }

    /**
     * Checks that a checkpoint can be resumed from.
     *
     * @throws UserInputException naming the checkpoint when it has no training state
     */
    static void require(ModelCheckpoint checkpoint) {
        for (String f :
                new String[] {WEIGHTS, AVERAGE, MAIN_OPTIMIZER, ESTIMATOR_OPTIMIZER, STATE}) {
            if (!checkpoint.hasFile(f)) {
                throw new UserInputException(
                        "checkpoint "
                                + checkpoint.path()
                                + " has no training state ("
                                + f
                                + " is missing: it was saved without it), so it cannot be resumed");
            }
        }
    }

    /** The step a checkpoint was saved at. */
    static int step(ModelCheckpoint checkpoint) {
        try {
            return JSON.readTree(checkpoint.file(STATE).toFile()).get("step").asInt();
        } catch (IOException | RuntimeException e) {
            throw new UserInputException(
                    "checkpoint " + checkpoint.path() + ": " + STATE + " is not valid: " + e, e);
        }
    }

    /** Reads saved optimizer moments. */
    static NDList moments(ModelCheckpoint checkpoint, String file, NDManager manager) {
        try {
            return NDList.decode(manager, Files.readAllBytes(checkpoint.file(file)));
        } catch (IOException | RuntimeException e) {
            throw new UserInputException(
                    "checkpoint " + checkpoint.path() + ": " + file + " cannot be read: " + e, e);
        }
    }

    /** The served parameters of a checkpoint (the best weights so far), as bytes. */
    static byte[] servedParameters(ModelCheckpoint checkpoint) {
        try {
            return Files.readAllBytes(checkpoint.file(ModelCheckpoint.PARAMS));
        } catch (IOException e) {
            throw new UserInputException(
                    "checkpoint " + checkpoint.path() + ": cannot read model.params: " + e, e);
        }
    }
}
