package io.capstream.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Speed results as one JSON file, for tools that compare runs. */
public final class SpeedJson {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final List<Object> models = new ArrayList<>();

    /**
     * @param machine where the run happened
     */
    public SpeedJson(MachineInfo machine) {
        root.put("machine", machine);
        root.put("models", models);
    }

    /**
     * Adds one model's results.
     *
     * @param name decider or iba-cd
     * @param r the results
     * @param before matmul reference before the model's cells
     * @param after matmul reference after them
     */
    public void add(String name, SpeedResult r, MatmulPeak before, MatmulPeak after) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", name);
        m.put("config", r.config());
        m.put("vocabulary_size", r.vocabularySize());
        m.put("diffusion_weights", r.diffusionWeights());
        m.put("autoregressive_weights", r.autoregressiveWeights());
        m.put("matmul_gflops_before", before.gflops());
        m.put("matmul_gflops_after", after.gflops());
        m.put("matmul_size", before.size());
        m.put("cells", cells(r.cells()));
        m.put("steps_sweep", cells(r.stepCells()));
        m.put("steps_sweep_reference", cells(List.of(r.stepsReference())).get(0));
        models.add(m);
    }

    private static List<Object> cells(List<SpeedCell> cells) {
        List<Object> out = new ArrayList<>();
        for (SpeedCell c : cells) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("decoding", c.decoding().label());
            m.put("batch", c.batch());
            m.put("sampling_steps", c.steps());
            m.put("captions_per_second", c.captionsPerSecond());
            m.put("ms_per_batch_median", c.timings().median());
            m.put("ms_per_batch_p90", c.timings().p90());
            m.put("ms_per_batch", c.timings().millis());
            m.put("mean_words", c.meanWords());
            m.put("decoder_calls", c.decodeSteps());
            m.put("flops_per_caption", c.flopsPerCaption());
            m.put("gflops", c.gflops());
            out.add(m);
        }
        return out;
    }

    /**
     * Writes the file.
     *
     * @param file where
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), root);
    }
}
