package io.capstream.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.image.ModelImage;
import io.capstream.model.text.Vocabulary;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The DJL-backed {@link Captioner} over a checkpoint. Thread-safe: calls are serialised (one model,
 * one device). Each batch is copied into (B, 3, H, H) arrays in a per-batch sub-manager that is
 * closed before the call returns, so a long-running worker does not grow native memory. Captions
 * are deterministic: a batch of N gives the same captions as N single calls.
 */
public final class DjlCaptioner implements Captioner {
    private final Model djl;
    private final CaptioningModel model;
    private final Vocabulary vocabulary;
    private final ParameterStore ps;
    private final ModelInfo info;
    private boolean closed;

    private DjlCaptioner(
            Model djl,
            CaptioningModel model,
            Vocabulary vocabulary,
            String name,
            int version,
            Device device) {
        this.djl = djl;
        this.model = model;
        this.vocabulary = vocabulary;
        this.ps = new ParameterStore(djl.getNDManager(), false);
        this.info =
                new ModelInfo(
                        name,
                        version,
                        model.imagesPerSample() == 2,
                        model.config().imageSize(),
                        device.toString());
    }

    /**
     * Opens a checkpoint for inference.
     *
     * @param checkpoint a loaded checkpoint
     * @param device {@code auto} (a GPU when DJL sees one), {@code cpu} or {@code gpu}
     * @param samplingSteps DDIM steps per stage; 0 = the checkpoint's own {@code sampleSteps}
     * @return the captioner; close it to free the model
     * @throws UserInputException for an unknown device, {@code gpu} without a GPU, or negative
     *     steps
     */
    public static DjlCaptioner open(ModelCheckpoint checkpoint, String device, int samplingSteps) {
        ModelConfig config = withSteps(checkpoint.config(), samplingSteps);
        Device d = device(device);
        Model djl = Model.newInstance(checkpoint.name(), d);
        try {
            CaptioningModel model = checkpoint.loadModel(djl.getNDManager(), config);
            djl.setBlock(model);
            return new DjlCaptioner(
                    djl,
                    model,
                    checkpoint.vocabulary(),
                    checkpoint.name(),
                    checkpoint.version(),
                    d);
        } catch (RuntimeException e) {
            djl.close();
            throw e;
        }
    }

    /**
     * Loads and opens a checkpoint directory.
     *
     * @see #open(ModelCheckpoint, String, int)
     */
    public static DjlCaptioner open(Path checkpointDir, String device, int samplingSteps) {
        return open(ModelCheckpoint.load(checkpointDir), device, samplingSteps);
    }

    /**
     * A captioner with fresh weights seeded by {@code config.seed()}: untrained, for tests and
     * speed benchmarks.
     *
     * @param config the model config
     * @param vocabulary the vocabulary (its size sets V)
     * @param name model name reported by {@link #info()}
     * @param version version reported by {@link #info()}
     * @param device {@code auto}, {@code cpu} or {@code gpu}
     * @return the captioner
     */
    public static DjlCaptioner untrained(
            ModelConfig config, Vocabulary vocabulary, String name, int version, String device) {
        Device d = device(device);
        Model djl = Model.newInstance(name, d);
        try {
            Engine.getInstance().setRandomSeed((int) config.seed());
            CaptioningModel model = CaptioningModel.create(config, vocabulary.size());
            model.initialize(djl.getNDManager());
            djl.setBlock(model);
            return new DjlCaptioner(djl, model, vocabulary, name, version, d);
        } catch (RuntimeException e) {
            djl.close();
            throw e;
        }
    }

    /**
     * Resolves a device name.
     *
     * @param name {@code auto}, {@code cpu} or {@code gpu}
     * @return the DJL device
     * @throws UserInputException naming {@code model.device} for an unknown name or a missing GPU
     */
    public static Device device(String name) {
        boolean gpu = Engine.getInstance().getGpuCount() > 0;
        switch (name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "auto":
                return gpu ? Device.gpu() : Device.cpu();
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (!gpu) {
                    throw new UserInputException(
                            "model.device = gpu, but DJL sees no GPU (use auto or cpu)");
                }
                return Device.gpu();
            default:
                throw new UserInputException(
                        "model.device = '" + name + "' is not one of auto, cpu, gpu");
        }
    }

    private static ModelConfig withSteps(ModelConfig config, int samplingSteps) {
        if (samplingSteps < 0) {
            throw new UserInputException(
                    "sampling steps = " + samplingSteps + " must be ≥ 0 (0: the checkpoint's own)");
        }
        return samplingSteps == 0
                ? config
                : config.withOverrides(Map.of("sampleSteps", samplingSteps));
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    /** The vocabulary of the model. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The model's config (with the sampling steps in effect). */
    public ModelConfig config() {
        return model.config();
    }

    @Override
    public synchronized List<GeneratedCaption> caption(List<? extends CaptionInput> batch) {
        if (closed) {
            throw new IllegalStateException("captioner " + info.name() + " is closed");
        }
        if (batch.isEmpty()) {
            return List.of();
        }
        int h = info.imageSize();
        int pixels = 3 * h * h;
        int b = batch.size();
        float[][] planes = new float[model.imagesPerSample()][b * pixels];
        for (int i = 0; i < b; i++) {
            ModelImage[] images = images(batch.get(i), i);
            for (int k = 0; k < images.length; k++) {
                System.arraycopy(images[k].chw(), 0, planes[k], i * pixels, pixels);
            }
        }
        Captions out;
        try (NDManager scope = djl.getNDManager().newSubManager()) {
            NDList arrays = new NDList();
            for (float[] plane : planes) {
                arrays.add(scope.create(plane, new Shape(b, 3, h, h))); // (B, 3, H, H)
            }
            out = model.caption(ps, arrays);
        }
        List<GeneratedCaption> captions = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            List<String> words = new ArrayList<>(out.tokens()[i].length);
            for (int id : out.tokens()[i]) {
                words.add(vocabulary.word(id));
            }
            captions.add(GeneratedCaption.of(words, out.probabilities()[i]));
        }
        return captions;
    }

    /** The input's images, checked against the model's kind and size. */
    private ModelImage[] images(CaptionInput input, int index) {
        ModelImage[] images;
        if (input instanceof CaptionInput.Pair p) {
            if (!info.pairs()) {
                throw new IllegalArgumentException(
                        "input "
                                + index
                                + " is an image pair but model "
                                + info.name()
                                + " captions single images");
            }
            images = new ModelImage[] {p.before(), p.after()};
        } else {
            if (info.pairs()) {
                throw new IllegalArgumentException(
                        "input "
                                + index
                                + " is a single image but model "
                                + info.name()
                                + " describes image pairs");
            }
            images = new ModelImage[] {((CaptionInput.Single) input).image()};
        }
        for (ModelImage image : images) {
            if (image.size() != info.imageSize()) {
                throw new IllegalArgumentException(
                        "input "
                                + index
                                + " has "
                                + image.size()
                                + "x"
                                + image.size()
                                + " images but model "
                                + info.name()
                                + " takes "
                                + info.imageSize()
                                + "x"
                                + info.imageSize());
            }
        }
        return images;
    }

    /** The manager owning the parameters (tests count its arrays to find leaks). */
    NDManager manager() {
        return djl.getNDManager();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            djl.close();
        }
    }
}
