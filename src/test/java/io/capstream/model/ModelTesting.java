package io.capstream.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.Map;
import java.util.Random;

/** Tiny configs, inputs and an optimizer step shared by the model tests. */
public final class ModelTesting {
    /** Vocabulary size of the tiny test models. */
    public static final int VOCAB = 9;

    static {
        // Two PyTorch intra-op threads on a 2-core machine shared with other builds made every op
        // 20–50× slower (OpenMP spin-waiting; measured); one thread keeps the suite fast. A
        // -Dai.djl.pytorch.num_threads flag, e.g. in the surefire argLine, takes precedence.
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            Engine.getInstance(); // loads the native library first
            ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
        }
    }

    private ModelTesting() {}

    /** A tiny config: 16×16 images, 2×2 grid, d = 16, L = 6, 3 sampling steps. */
    public static ModelConfig tiny(ModelConfig.Task task) {
        return tiny(task, Map.of());
    }

    /** {@link #tiny(ModelConfig.Task)} with overrides. */
    public static ModelConfig tiny(ModelConfig.Task task, Map<String, ?> overrides) {
        ModelConfig c =
                ModelConfig.preset("cpu-small", task)
                        .withOverrides(
                                Map.ofEntries(
                                        Map.entry("imageSize", 16),
                                        Map.entry("gridSize", 2),
                                        Map.entry("modelDim", 16),
                                        Map.entry("heads", 2),
                                        Map.entry("feedForwardDim", 32),
                                        Map.entry("embedDim", 8),
                                        Map.entry("maxLength", 6),
                                        Map.entry("projectionDim", 8),
                                        Map.entry("sampleSteps", 3),
                                        Map.entry("denoiserLayers", 1)));
        return c.withOverrides(overrides);
    }

    /** Seeds DJL's RNG, builds and initialises a model on the manager. */
    public static CaptioningModel model(ModelConfig config, NDManager manager) {
        Engine.getInstance().setRandomSeed((int) config.seed());
        CaptioningModel model = CaptioningModel.create(config, VOCAB);
        model.initialize(manager);
        return model;
    }

    /** Deterministic images (B, 3, H, H) in [0, 1]. */
    public static NDArray images(NDManager manager, int batch, int size, long seed) {
        Random r = new Random(seed);
        float[] px = new float[batch * 3 * size * size];
        for (int i = 0; i < px.length; i++) {
            px[i] = r.nextFloat();
        }
        return manager.create(px, new Shape(batch, 3, size, size));
    }

    /** Deterministic EOS-padded captions of 1..L−1 words with ids in [2, V). */
    public static int[][] captions(int batch, int length, long seed) {
        Random r = new Random(seed);
        int[][] out = new int[batch][length];
        for (int[] row : out) {
            int words = 1 + r.nextInt(length - 1);
            for (int l = 0; l < words; l++) {
                row[l] = 2 + r.nextInt(VOCAB - 2);
            }
        }
        return out;
    }

    /** Adam with a fixed learning rate. */
    public static Optimizer adam(float lr) {
        return Optimizer.adam().optLearningRateTracker(Tracker.fixed(lr)).build();
    }

    /** Applies one optimizer update to parameters that received a gradient. */
    public static void update(Optimizer optimizer, ParameterList params) {
        for (Pair<String, Parameter> p : params) {
            NDArray w = p.getValue().getArray();
            try (NDArray g = w.getGradient()) {
                optimizer.update(p.getValue().getId(), w, g);
            }
        }
    }

    /** A copy of all parameter values, for comparisons. */
    public static float[][] snapshot(ParameterList params) {
        float[][] out = new float[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            out[i] = params.get(i).getValue().getArray().toFloatArray();
        }
        return out;
    }
}
