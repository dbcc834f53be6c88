package io.capstream.bench.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes quality results as one JSON file (fractions, not percentages; null where n/a). */
public final class QualityJson {
    private QualityJson() {}

    /**
     * Writes {@code {"machine": ..., "datasets": [...]}}.
     *
     * @param file the results file
     * @param machine the machine line
     * @param results one entry per dataset
     * @throws IOException if it cannot be written
     */
    public static void write(Path file, String machine, List<QualityResult> results)
            throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", machine);
        List<Object> datasets = new ArrayList<>();
        for (QualityResult r : results) {
            datasets.add(toMap(r));
        }
        root.put("datasets", datasets);
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), root);
    }

    static Map<String, Object> toMap(QualityResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        m.put("dataset", r.dataset());
        m.put("test_samples", r.testSamples());
        m.put("train_steps", r.steps());
        List<Object> variants = new ArrayList<>();
        for (QualityResult.VariantQuality v : r.variants()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("variant", v.variant().name());
            e.put("overrides", v.variant().overrides());
            e.put("checkpoint", v.checkpoint());
            e.put("train_seconds", finite(v.trainSeconds()));
            e.putAll(quality(v.quality()));
            variants.add(e);
        }
        m.put("variants", variants);
        List<Object> sweep = new ArrayList<>();
        for (QualityResult.StepsQuality s : r.samplingSweep()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("sampling_steps", s.steps());
            e.putAll(quality(s.quality()));
            sweep.add(e);
        }
        m.put("sampling_sweep", sweep);
        return m;
    }

    private static Map<String, Object> quality(CaptionQuality q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metrics", q.metrics());
        if (!q.ciderByType().isEmpty()) {
            m.put("cider_d_by_type", q.ciderByType());
        }
        q.semantic()
                .ifPresent(
                        s -> {
                            Map<String, Object> sem = new LinkedHashMap<>();
                            sem.put("kind", s.kind());
                            sem.put(s.headlineName(), finite(s.headline()));
                            sem.put("details", s.details());
                            m.put("semantic", sem);
                        });
        m.put("caption_seconds", q.captionSeconds());
        m.put("hyps", q.hypsFile());
        return m;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
