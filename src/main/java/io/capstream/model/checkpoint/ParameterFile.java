package io.capstream.model.checkpoint;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.capstream.model.CaptioningModel;
import io.capstream.model.ModelConfig;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads {@code model.params} into a model built from a config. DJL's {@code Parameter.load} takes
 * whatever shape the file holds, so a file that does not fit the config would only fail (or
 * silently misbehave) at the first forward pass; this checks every shape against the freshly
 * initialised model and names the first mismatch.
 */
final class ParameterFile {
    private ParameterFile() {}

    static CaptioningModel load(
            Path dir, Path file, ModelConfig config, int vocabularySize, NDManager manager) {
        CaptioningModel model = CaptioningModel.create(config, vocabularySize);
        model.initialize(manager); // fixes the expected shapes; the values are replaced below
        List<Shape> expected = new ArrayList<>();
        for (Pair<String, Parameter> p : model.getParameters()) {
            expected.add(p.getValue().getArray().getShape());
            p.getValue().close(); // frees the random initial values before the real ones arrive
        }
        try (InputStream in = Files.newInputStream(file);
                DataInputStream data = new DataInputStream(new BufferedInputStream(in))) {
            model.loadParameters(manager, data);
            if (data.read() != -1) {
                throw new CheckpointException(
                        dir,
                        file.getFileName()
                                + " has bytes after the last parameter; it does not fit "
                                + ModelCheckpoint.CONFIG);
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (e instanceof CheckpointException c) {
                throw c;
            }
            throw new CheckpointException(
                    dir,
                    file.getFileName()
                            + " cannot be loaded into the model of "
                            + ModelCheckpoint.CONFIG
                            + " and "
                            + ModelCheckpoint.VOCABULARY
                            + ": "
                            + e,
                    e);
        }
        int i = 0;
        for (Pair<String, Parameter> p : model.getParameters()) {
            Shape actual = p.getValue().getArray().getShape();
            if (!actual.equals(expected.get(i))) {
                throw new CheckpointException(
                        dir,
                        "parameter "
                                + p.getKey()
                                + " in "
                                + file.getFileName()
                                + " has shape "
                                + actual
                                + " but "
                                + ModelCheckpoint.CONFIG
                                + " and "
                                + ModelCheckpoint.VOCABULARY
                                + " ("
                                + vocabularySize
                                + " words) need "
                                + expected.get(i));
            }
            i++;
        }
        return model;
    }
}
