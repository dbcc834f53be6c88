package io.capstream.model.checkpoint;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.core.type.TypeReference;
import io.capstream.model.CaptioningModel;
import io.capstream.model.ModelConfig;
import io.capstream.model.text.Vocabulary;
import io.capstream.util.UserInputException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trained model on disk: a {@link CheckpointDirectory} holding {@value #CONFIG} (the {@link
 * ModelConfig}), {@value #PARAMS} (DJL parameters), {@value #VOCABULARY} and {@value #METRICS}
 * (what training recorded: steps, time, validation scores, machine, command line).
 *
 * <p>{@link #load} verifies everything a caller could otherwise trip over later: the manifest and
 * file hashes, the config, the vocabulary, and that every parameter in {@value #PARAMS} has the
 * shape the config and the vocabulary size call for. Each problem is a {@link CheckpointException}
 * naming the directory.
 */
public final class ModelCheckpoint {
    /** The model config file. */
    public static final String CONFIG = "config.json";

    /** The DJL parameter file. */
    public static final String PARAMS = "model.params";

    /** The vocabulary file. */
    public static final String VOCABULARY = "vocab.json";

    /** The training metrics file. */
    public static final String METRICS = "metrics.json";

    private final CheckpointDirectory dir;
    private final ModelConfig config;
    private final Vocabulary vocabulary;
    private final Map<String, Object> metrics;

    private ModelCheckpoint(
            CheckpointDirectory dir,
            ModelConfig config,
            Vocabulary vocabulary,
            Map<String, Object> metrics) {
        this.dir = dir;
        this.config = config;
        this.vocabulary = vocabulary;
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * Opens and verifies a checkpoint directory.
     *
     * @param dir the directory
     * @return the checkpoint
     * @throws CheckpointException naming the path and the problem
     */
    public static ModelCheckpoint load(Path dir) {
        CheckpointDirectory d = CheckpointDirectory.open(dir);
        ModelConfig config;
        Vocabulary vocabulary;
        try {
            config = ModelConfig.load(d.file(CONFIG));
            vocabulary = Vocabulary.load(d.file(VOCABULARY));
        } catch (CheckpointException e) {
            throw e;
        } catch (UserInputException e) {
            throw new CheckpointException(dir, e.getMessage(), e);
        }
        Map<String, Object> metrics =
                d.manifest().files().containsKey(METRICS) ? readMetrics(d) : Map.of();
        ModelCheckpoint checkpoint = new ModelCheckpoint(d, config, vocabulary, metrics);
        try (NDManager scratch = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            checkpoint.loadModel(scratch); // verifies the parameter shapes
        }
        return checkpoint;
    }

    /**
     * Writes a checkpoint atomically (temp directory renamed into place, replacing {@code dir}).
     *
     * @param dir the final directory, e.g. {@code ROOT/decider/v3}
     * @param name model name
     * @param version model version
     * @param model the trained model (its parameters are saved)
     * @param vocabulary the vocabulary it was trained with
     * @param metrics training metrics (JSON-serialisable values)
     * @return the written checkpoint
     * @throws IOException if it cannot be written
     */
    public static ModelCheckpoint save(
            Path dir,
            String name,
            int version,
            CaptioningModel model,
            Vocabulary vocabulary,
            Map<String, Object> metrics)
            throws IOException {
        if (model.vocabularySize() != vocabulary.size()) {
            throw new IllegalArgumentException(
                    "model has a vocabulary of "
                            + model.vocabularySize()
                            + " ids but the vocabulary has "
                            + vocabulary.size());
        }
        return write(
                dir,
                name,
                version,
                model.config(),
                vocabulary,
                metrics,
                parameterBytes(model),
                extra -> {});
    }

    /**
     * Writes a checkpoint from serialised parameters, plus extra files (e.g. a trainer's resume
     * state), atomically.
     *
     * @param dir the final directory
     * @param name model name
     * @param version model version
     * @param config the model config
     * @param vocabulary the vocabulary
     * @param metrics training metrics (JSON-serialisable values)
     * @param params the {@value #PARAMS} bytes, as written by {@link #parameterBytes}
     * @param extra writes further files into the (temporary) directory; they are hashed too
     * @return the written checkpoint
     * @throws IOException if it cannot be written
     */
    public static ModelCheckpoint write(
            Path dir,
            String name,
            int version,
            ModelConfig config,
            Vocabulary vocabulary,
            Map<String, Object> metrics,
            byte[] params,
            CheckpointDirectory.FileWriter extra)
            throws IOException {
        try {
            CheckpointDirectory d =
                    CheckpointDirectory.write(
                            dir,
                            name,
                            version,
                            tmp -> {
                                config.save(tmp.resolve(CONFIG));
                                vocabulary.save(tmp.resolve(VOCABULARY));
                                CheckpointDirectory.writeJson(tmp.resolve(METRICS), metrics);
                                Files.write(tmp.resolve(PARAMS), params);
                                extra.writeFiles(tmp);
                            });
            return new ModelCheckpoint(d, config, vocabulary, metrics);
        } catch (CheckpointException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * A block's parameters in DJL's format, as stored in {@value #PARAMS}.
     *
     * @param block an initialised block
     * @return the bytes
     */
    public static byte[] parameterBytes(Block block) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            block.saveParameters(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /**
     * Builds the model and loads the parameters onto a manager (and its device).
     *
     * @param manager the manager that will own the parameters, e.g. {@code Model.getNDManager()}
     * @return the loaded model
     * @throws CheckpointException if the parameters do not fit the config and vocabulary
     */
    public CaptioningModel loadModel(NDManager manager) {
        return loadModel(manager, config);
    }

    /**
     * {@link #loadModel(NDManager)} with another config of the same architecture, e.g. with
     * inference-only keys ({@code sampleSteps}) changed.
     *
     * @param manager the manager that will own the parameters
     * @param modelConfig the config to build with
     * @return the loaded model
     */
    public CaptioningModel loadModel(NDManager manager, ModelConfig modelConfig) {
        return loadModel(manager, modelConfig, PARAMS);
    }

    /**
     * Loads another parameter file of the checkpoint (one an extra writer of {@link #write} added,
     * e.g. a trainer's raw weights).
     *
     * @param manager the manager that will own the parameters
     * @param modelConfig the config to build with
     * @param paramsFile the file name in the checkpoint
     * @return the loaded model
     * @throws CheckpointException if the file is not in the checkpoint or does not fit
     */
    public CaptioningModel loadModel(
            NDManager manager, ModelConfig modelConfig, String paramsFile) {
        return ParameterFile.load(
                dir.path(), dir.file(paramsFile), modelConfig, vocabulary.size(), manager);
    }

    /**
     * Whether the checkpoint lists a file.
     *
     * @param name a file name
     * @return true if the manifest lists it
     */
    public boolean hasFile(String name) {
        return dir.manifest().files().containsKey(name);
    }

    /**
     * A verified file of the checkpoint.
     *
     * @param name a file name the manifest lists
     * @return its path
     * @throws CheckpointException if the manifest does not list it
     */
    public Path file(String name) {
        return dir.file(name);
    }

    /** Model name (from the manifest). */
    public String name() {
        return dir.manifest().modelName();
    }

    /** Model version (from the manifest). */
    public int version() {
        return dir.manifest().version();
    }

    /** The config the model was trained with. */
    public ModelConfig config() {
        return config;
    }

    /** The vocabulary the model was trained with. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** Training metrics (steps, time, validation scores, machine, command); empty if none. */
    public Map<String, Object> metrics() {
        return metrics;
    }

    /** The checkpoint directory. */
    public Path path() {
        return dir.path();
    }

    private static Map<String, Object> readMetrics(CheckpointDirectory d) {
        try {
            return CheckpointDirectory.JSON.readValue(
                    d.file(METRICS).toFile(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new CheckpointException(
                    d.path(), METRICS + " is not valid: " + e.getMessage(), e);
        }
    }
}
