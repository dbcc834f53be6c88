package io.capstream.trainer;

import io.capstream.model.ModelConfig;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.schema.Topics;
import io.capstream.training.TrainingSample;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the lane of each trained model from the model store at start-up. */
final class TrainerLanes {
    private static final Logger log = LoggerFactory.getLogger(TrainerLanes.class);

    private TrainerLanes() {}

    /**
     * The lane of one model: its topic, the image size of its current checkpoint, and the held-out
     * slice saved by an earlier trainer (samples of another image size are dropped).
     *
     * @throws UserInputException when the store has no usable checkpoint of the model
     */
    static ModelLane open(ModelStore store, String model, Topics topics, TrainerSettings s) {
        boolean pairs = model.equals("decider");
        int current = store.current(model);
        ModelCheckpoint c = ModelCheckpoint.load(store.path(model, current));
        ModelConfig.Task expected = pairs ? ModelConfig.Task.DECIDER : ModelConfig.Task.IBA_CD;
        if (c.config().task() != expected) {
            throw new UserInputException(
                    "model store "
                            + store.root()
                            + ": "
                            + model
                            + " v"
                            + current
                            + " is not a "
                            + model
                            + " model (its config says "
                            + c.config().task()
                            + ")");
        }
        int size = c.config().imageSize();
        ModelLane lane =
                new ModelLane(
                        model,
                        pairs ? topics.labeledPairs().name() : topics.labeledImages().name(),
                        pairs,
                        size,
                        s.replayCapacity(),
                        s.validationMaxSamples(),
                        new HeldOutFile(store.root(), model));
        try {
            List<TrainingSample> saved = lane.heldOutFile.read();
            List<TrainingSample> fitting =
                    saved.stream().filter(x -> x.imageSize() == size).toList();
            fitting.forEach(lane.heldOut::add);
            if (fitting.size() < saved.size()) {
                log.warn(
                        "{}: dropped {} saved held-out examples of another image size than {} px",
                        lane.heldOutFile.path(),
                        saved.size() - fitting.size(),
                        size);
            }
        } catch (IOException e) {
            // Only validation depends on it; the slice fills again from new events.
            log.warn("held-out examples not restored, starting an empty slice: {}", e.getMessage());
        }
        return lane;
    }

    /** "decider v2 (64 px, 12 held out) from capstream.labeled-pairs, ...". */
    static String describe(Collection<ModelLane> lanes) {
        return lanes.stream()
                .map(
                        l ->
                                String.format(
                                        Locale.ROOT,
                                        "%s (%d px, %d held-out examples restored) from %s",
                                        l.model,
                                        l.imageSize,
                                        l.heldOut.size(),
                                        l.topic))
                .collect(Collectors.joining(", "));
    }
}
