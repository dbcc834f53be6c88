package io.capstream.training;

import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Tiny learnable datasets and configs for trainer tests. */
final class TrainingTesting {
    static final String[] COLOURS = {"red", "green", "blue"};
    static final int SIZE = 16;

    private TrainingTesting() {}

    /** Single images of one colour (plus noise), captioned with that colour. */
    static List<TrainingSample> colours(int n, long seed) {
        Random r = new Random(seed);
        List<TrainingSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int c = i % COLOURS.length;
            out.add(
                    new TrainingSample(
                            "img" + seed + "-" + i,
                            SIZE,
                            List.of(picture(c, r)),
                            List.of(
                                    "a " + COLOURS[c] + " picture",
                                    "the picture is " + COLOURS[c])));
        }
        return out;
    }

    /** Pairs whose after picture keeps or changes the colour of the before picture. */
    static List<TrainingSample> changes(int n, long seed) {
        Random r = new Random(seed);
        List<TrainingSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int before = i % COLOURS.length;
            int after = (i / COLOURS.length) % COLOURS.length;
            String caption =
                    before == after
                            ? "nothing has changed"
                            : "the " + COLOURS[before] + " became " + COLOURS[after];
            out.add(
                    new TrainingSample(
                            "pair" + seed + "-" + i,
                            SIZE,
                            List.of(picture(before, r), picture(after, r)),
                            List.of(caption)));
        }
        return out;
    }

    private static byte[] picture(int colour, Random r) {
        byte[] px = new byte[3 * SIZE * SIZE];
        for (int ch = 0; ch < 3; ch++) {
            for (int i = 0; i < SIZE * SIZE; i++) {
                int v = (ch == colour ? 200 : 30) + r.nextInt(40);
                px[ch * SIZE * SIZE + i] = (byte) v;
            }
        }
        return px;
    }

    /** The tiny model config of the model tests. */
    static ModelConfig tiny(ModelConfig.Task task) {
        return ModelTesting.tiny(task, Map.of());
    }

    /** A quiet trainer config on a tiny model. */
    static TrainerConfig.Builder config(ModelConfig.Task task, int steps) {
        return TrainerConfig.builder()
                .setModelConfig(tiny(task))
                .optSteps(steps)
                .optBatchSize(8)
                .optLearningRate(3e-3f)
                .optWarmUpSteps(5)
                .optEmaDecay(0.9f)
                .optValidateEvery(0)
                .optDevice("cpu")
                .optProgress(false);
    }
}
