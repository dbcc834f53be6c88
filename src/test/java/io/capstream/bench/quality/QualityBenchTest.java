package io.capstream.bench.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.data.clevr.ClevrChangeGenerator;
import io.capstream.eval.CaptionFiles;
import io.capstream.eval.Metric;
import io.capstream.model.CaptionInput;
import io.capstream.model.Captioner;
import io.capstream.model.GeneratedCaption;
import io.capstream.model.ModelConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The orchestration on a small generated clevr-change dataset, with a fake trainer (writes the
 * variant's config as its "checkpoint") and a fake captioner (the diffusion model always says "no
 * change", every other variant always names a move).
 */
class QualityBenchTest {
    private static final String NO_CHANGE = "there is no difference";
    private static final String MOVE = "the small red rubber cube moved";

    @TempDir static Path shared;
    private static Path data;
    @TempDir Path tmp;
    private final List<String> trained = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();

    @BeforeAll
    static void generate() throws IOException {
        data = shared.resolve("clevr");
        ClevrChangeGenerator.builder()
                .setPairs(20)
                .setOutput(data)
                .optSeed(3)
                .optImageSize(32)
                .optTestFraction(0.2)
                .build()
                .generate();
    }

    private final VariantTrainer trainer =
            (name, config, dir, steps, checkpoint) -> {
                trained.add(checkpoint.getParent().getFileName().toString());
                try {
                    Files.createDirectories(checkpoint);
                    Files.writeString(checkpoint.resolve("config.json"), config.toJson());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return checkpoint;
            };

    private final CaptionerOpener opener =
            (checkpoint, samplingSteps) -> {
                ModelConfig config = ModelConfig.load(checkpoint.resolve("config.json"));
                opened.add(checkpoint.getParent().getFileName() + "@" + samplingSteps);
                boolean full = config.generator() == ModelConfig.Generator.DIFFUSION && config.ib();
                return new FixedCaptioner(full ? NO_CHANGE : MOVE);
            };

    /** Says the same caption for every pair. */
    private record FixedCaptioner(String text) implements Captioner {
        @Override
        public ModelInfo info() {
            return new ModelInfo("decider", 1, true, 32, "cpu()");
        }

        @Override
        public List<GeneratedCaption> caption(List<? extends CaptionInput> batch) {
            List<String> words = Arrays.asList(text.split(" "));
            float[] p = new float[words.size()];
            Arrays.fill(p, 0.5f);
            return batch.stream().map(i -> GeneratedCaption.of(words, p)).toList();
        }

        @Override
        public void close() {}
    }

    private QualityBench bench(boolean retrain) {
        return new QualityBench(trainer, opener, tmp.resolve("out"), 7, List.of(1, 3), 3, retrain);
    }

    private QualityResult run(QualityBench bench) {
        ModelConfig base = ModelConfig.preset("cpu-small", ModelConfig.Task.DECIDER);
        return bench.run(
                "decider",
                base,
                data,
                QualityVariant.forTask(
                        List.of("diffusion", "autoregressive", "no-ib"), ModelConfig.Task.DECIDER));
    }

    @Test
    void shouldScoreEveryVariantAndSweepStepsWhenRun() throws IOException {
        QualityResult r = run(bench(false));
        assertEquals(List.of("diffusion", "autoregressive", "no-ib"), trained);
        assertEquals(
                List.of("diffusion@0", "autoregressive@0", "no-ib@0", "diffusion@1", "diffusion@3"),
                opened);
        Map<String, List<String>> types =
                CaptionFiles.readTypes(data.resolve("eval").resolve("types_test.json"));
        int total = types.values().stream().mapToInt(List::size).sum();
        assertEquals(total, r.testSamples());
        // "no change" is exactly right on the no-change half and wrong elsewhere
        CaptionQuality diffusion = r.variants().get(0).quality();
        double noChange = types.get("no-change").size() / (double) total;
        assertEquals(noChange, diffusion.semantic().orElseThrow().headline(), 1e-9);
        assertTrue(diffusion.ciderByType().get("no-change") > diffusion.ciderByType().get("color"));
        CaptionQuality ar = r.variants().get(1).quality();
        assertTrue(diffusion.metric(Metric.CIDER_D) > ar.metric(Metric.CIDER_D));
        assertEquals(2, r.samplingSweep().size());
        assertEquals(3, r.samplingSweep().get(1).steps());
        // hypotheses on disk, one per test pair
        JsonNode hyps =
                new ObjectMapper()
                        .readTree(tmp.resolve("out/decider/diffusion/hyps_test_S3.json").toFile());
        assertEquals(total, hyps.size());
        assertEquals(NO_CHANGE, hyps.elements().next().asText());
        // the variant's keys reached the trainer's config
        ModelConfig ib = ModelConfig.load(tmp.resolve("out/decider/no-ib/checkpoint/config.json"));
        assertEquals(false, ib.ib());
    }

    @Test
    void shouldReuseTrainedVariantsWhenRunAgain() {
        run(bench(false));
        trained.clear();
        run(bench(false));
        assertEquals(List.of(), trained);
        run(bench(true));
        assertEquals(List.of("diffusion", "autoregressive", "no-ib"), trained);
    }

    @Test
    void shouldWriteResultsFileAndTablesWhenRendered() throws IOException {
        QualityResult r = run(bench(false));
        Path file = tmp.resolve("out/results.json");
        QualityJson.write(file, "test machine", List.of(r));
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode variants = root.path("datasets").get(0).path("variants");
        assertEquals(3, variants.size());
        assertEquals("no-ib", variants.get(2).path("variant").asText());
        assertTrue(variants.get(0).path("metrics").has("CIDEr-D"));
        assertTrue(variants.get(0).path("cider_d_by_type").has("no-change"));
        String table = new QualityReport(true).render(r);
        assertTrue(table.contains("| diffusion "), table);
        assertTrue(table.contains("### CIDEr-D per change type"), table);
        assertTrue(table.contains("### diffusion quality vs sampling steps"), table);
    }

    @Test
    void shouldKeepOnlyApplicableVariantsWhenTaskDiffers() {
        List<QualityVariant> v =
                QualityVariant.forTask(
                        List.of("no-pos", "stages-1", "no-ib"), ModelConfig.Task.IBA_CD);
        assertEquals(List.of("stages-1", "no-ib"), v.stream().map(QualityVariant::name).toList());
    }
}
