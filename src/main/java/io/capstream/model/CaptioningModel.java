package io.capstream.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What a trainer and an inference executor need from either captioner ({@link IbaCdModel}: one
 * image per sample; {@link DeciderModel}: a before/after pair).
 *
 * <p>Images are float32 (B, 3, H, H) arrays with values in [0, 1], H = {@code
 * config().imageSize()}; captions are (B, L) ids from the model's vocabulary, EOS-padded. Every
 * array a call creates lives in a per-call scope under the images' manager: {@link #lossTerms}
 * attaches only the returned terms to that manager; {@link #caption} returns Java arrays.
 *
 * <p>A training step and inference, as a trainer would write them:
 *
 * <pre>{@code
 * ModelConfig config = ModelConfig.preset("cpu-small", ModelConfig.Task.DECIDER);
 * Engine.getInstance().setRandomSeed((int) config.seed());
 * CaptioningModel model = CaptioningModel.create(config, vocabulary.size());
 * try (Model djl = Model.newInstance("decider")) {        // its manager owns the parameters
 *     djl.setBlock(model);
 *     model.initialize(djl.getNDManager());
 *     ParameterStore ps = new ParameterStore(djl.getNDManager(), false);
 *     Optimizer main = Optimizer.adam().optClipGrad(1f).build();
 *     Optimizer club = Optimizer.adam().build();           // q_ψ: its own optimizer (and lr)
 *     try (NDManager batch = djl.getNDManager().newSubManager();   // one per step
 *             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
 *         NDList images = new NDList(batch.create(before, shape), batch.create(after, shape));
 *         LossTerms terms = model.lossTerms(ps, images, vocabulary.encodeAll(captions, L), true);
 *         gc.backward(terms.total());                      // log terms.toFloats()
 *     }                                                    // closes every array of the step
 *     update(main, model.mainParameters());                // for each (w, g = w.getGradient()):
 *     update(club, model.estimatorParameters());           //   opt.update(id, w, g); g.close()
 *     try (NDManager batch = djl.getNDManager().newSubManager()) {
 *         Captions out = model.caption(ps, new NDList(batch.create(before, shape),
 *                 batch.create(after, shape)));
 *         List<String> text = out.decode(vocabulary);      // + out.probabilities()
 *     }
 * }
 * }</pre>
 */
public interface CaptioningModel extends Block {

    /** The config the model was built with. */
    ModelConfig config();

    /** V. */
    int vocabularySize();

    /** 1 for IBA-CD, 2 (before, after) for DECIDER. */
    int imagesPerSample();

    /**
     * Allocates and initialises all parameters on a manager (and its device). Call {@code
     * Engine.getInstance().setRandomSeed(config().seed())} first for reproducible weights.
     *
     * @param manager the model's manager (e.g. {@code Model.getNDManager()})
     */
    default void initialize(NDManager manager) {
        long h = config().imageSize();
        ai.djl.ndarray.types.Shape image = new ai.djl.ndarray.types.Shape(1, 3, h, h);
        ai.djl.ndarray.types.Shape[] shapes = new ai.djl.ndarray.types.Shape[imagesPerSample()];
        java.util.Arrays.fill(shapes, image);
        initialize(manager, DataType.FLOAT32, shapes);
    }

    /**
     * Parameters of the CLUB estimator q_ψ, updated with their own optimizer from the {@link
     * LossTerms#CLUB_ESTIMATOR} term (empty for IBA-CD).
     */
    ParameterList estimatorParameters();

    /** All other parameters: update them with the main optimizer. */
    default ParameterList mainParameters() {
        Map<Parameter, Boolean> estimator = new IdentityHashMap<>();
        estimatorParameters().values().forEach(p -> estimator.put(p, true));
        ParameterList main = new ParameterList();
        for (Pair<String, Parameter> p : getParameters()) {
            if (!estimator.containsKey(p.getValue())) {
                main.add(p.getKey(), p.getValue());
            }
        }
        return main;
    }

    /**
     * Computes the named loss terms of one batch; call inside a {@code GradientCollector} and
     * back-propagate {@link LossTerms#total()}.
     *
     * @param ps the parameter store
     * @param images {@link #imagesPerSample()} arrays (B, 3, H, H) in [0, 1]
     * @param captions (B, L) ground-truth ids
     * @param training true for a training step (dropout, VIB sampling, self-conditioning coin);
     *     then the step's intermediates stay alive until the images' manager closes (autograd reads
     *     them in backward), so pass images from a per-step manager
     * @return the terms, attached to the images' manager
     */
    LossTerms lossTerms(ParameterStore ps, NDList images, int[][] captions, boolean training);

    /**
     * Captions a batch: the visual memory is computed once, then the generator samples.
     *
     * @param ps the parameter store
     * @param images {@link #imagesPerSample()} arrays (B, 3, H, H) in [0, 1]
     * @return the captions (word ids cut at EOS, per-word probabilities)
     */
    Captions caption(ParameterStore ps, NDList images);

    /**
     * Builds the model of a config's task.
     *
     * @param config the config ({@code task} key)
     * @param vocabularySize V
     * @return a new, uninitialised model
     */
    static CaptioningModel create(ModelConfig config, int vocabularySize) {
        return config.task() == ModelConfig.Task.IBA_CD
                ? new IbaCdModel(config, vocabularySize)
                : new DeciderModel(config, vocabularySize);
    }

    /** Checks the image count and the caption batch against the config. */
    static void checkBatch(CaptioningModel model, NDList images, int[][] captions) {
        if (images.size() != model.imagesPerSample()) {
            throw new IllegalArgumentException(
                    model.config().task()
                            + " takes "
                            + model.imagesPerSample()
                            + " image arrays per batch, got "
                            + images.size());
        }
        if (captions == null) {
            return;
        }
        NDArray first = images.head();
        int b = (int) first.getShape().get(0);
        int length = model.config().maxLength();
        if (captions.length != b) {
            throw new IllegalArgumentException(captions.length + " captions for " + b + " images");
        }
        for (int i = 0; i < b; i++) {
            if (captions[i].length != length) {
                throw new IllegalArgumentException(
                        "caption " + i + " has " + captions[i].length + " ids, L = " + length);
            }
            for (int id : captions[i]) {
                if (id < 0 || id >= model.vocabularySize()) {
                    throw new IllegalArgumentException(
                            "caption "
                                    + i
                                    + " has id "
                                    + id
                                    + " outside vocabulary of "
                                    + model.vocabularySize());
                }
            }
        }
    }
}
