package io.capstream.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.capstream.model.CaptioningModel;
import io.capstream.model.Captions;
import io.capstream.model.ModelConfig;
import java.util.Random;

/**
 * One captioning model set up for timing: its own DJL {@link Model} (whose manager owns the
 * parameters), a {@link ParameterStore}, and deterministic random input images. Each {@link
 * #caption} runs in a per-batch sub-manager, as a worker's inference executor does, so nothing of a
 * batch outlives it.
 */
final class BenchModel implements AutoCloseable {
    private final Model djl;
    private final CaptioningModel model;
    private final ParameterStore ps;

    BenchModel(ModelConfig config, int vocabularySize, WeightSource weights) {
        djl = Model.newInstance("bench-" + config.task() + "-" + config.generator());
        try {
            model = weights.build(config, vocabularySize, djl.getNDManager());
            djl.setBlock(model);
            ps = new ParameterStore(djl.getNDManager(), false);
        } catch (RuntimeException e) {
            djl.close();
            throw e;
        }
    }

    ModelConfig config() {
        return model.config();
    }

    /** The model (tests compare parameters). */
    CaptioningModel model() {
        return model;
    }

    /** The model's parameter manager (tests check that it does not grow). */
    NDManager manager() {
        return djl.getNDManager();
    }

    /**
     * Deterministic pixels for a batch: one channel-major float array per image of a sample.
     *
     * @param batch B
     * @param seed the random seed
     * @return {@code imagesPerSample} arrays of B·3·H·H values in [0, 1]
     */
    float[][] inputs(int batch, long seed) {
        int h = model.config().imageSize();
        Random r = new Random(seed);
        float[][] images = new float[model.imagesPerSample()][batch * 3 * h * h];
        for (float[] image : images) {
            for (int i = 0; i < image.length; i++) {
                image[i] = r.nextFloat();
            }
        }
        return images;
    }

    /**
     * Captions one batch through {@link CaptioningModel#caption}: the input arrays are created and
     * every array is closed within the call.
     *
     * @param pixels from {@link #inputs}
     * @param batch B
     * @return the captions
     */
    Captions caption(float[][] pixels, int batch) {
        int h = model.config().imageSize();
        try (NDManager scope = djl.getNDManager().newSubManager()) {
            NDList images = new NDList();
            for (float[] p : pixels) {
                images.add(scope.create(p, new Shape(batch, 3, h, h))); // (B, 3, H, H)
            }
            return model.caption(ps, images);
        }
    }

    @Override
    public void close() {
        djl.close();
    }
}
