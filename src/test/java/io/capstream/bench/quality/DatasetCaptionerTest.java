package io.capstream.bench.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.capstream.data.Split;
import io.capstream.data.toons.ToonDatasetConfig;
import io.capstream.data.toons.ToonDatasetGenerator;
import io.capstream.eval.CaptionFiles;
import io.capstream.model.CaptionInput;
import io.capstream.model.Captioner;
import io.capstream.model.GeneratedCaption;
import io.capstream.util.Progress;
import io.capstream.util.UserInputException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCaptionerTest {
    @TempDir Path tmp;

    /** Captions each image with its batch position and records batch sizes and image sizes. */
    private static final class CountingCaptioner implements Captioner {
        final List<Integer> batches = new ArrayList<>();
        final boolean pairs;

        CountingCaptioner(boolean pairs) {
            this.pairs = pairs;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("iba-cd", 1, pairs, 16, "cpu()");
        }

        @Override
        public List<GeneratedCaption> caption(List<? extends CaptionInput> batch) {
            batches.add(batch.size());
            List<GeneratedCaption> out = new ArrayList<>();
            for (CaptionInput in : batch) {
                int size = ((CaptionInput.Single) in).image().size();
                out.add(GeneratedCaption.of(List.of("size", "" + size), new float[] {1f, 1f}));
            }
            return out;
        }

        @Override
        public void close() {}
    }

    private Path toons() {
        Path dir = tmp.resolve("toons");
        ToonDatasetConfig config =
                ToonDatasetConfig.builder()
                        .setImages(30)
                        .setOut(dir)
                        .optSize(32)
                        .optTestFraction(0.2)
                        .build();
        try (Progress p =
                new Progress(
                        "toons", 30, new PrintStream(OutputStream.nullOutputStream()), false)) {
            ToonDatasetGenerator.generate(config, p);
        }
        return dir;
    }

    @Test
    void shouldCaptionEveryTestImageInBatchesWhenSingleImages() {
        Path dir = toons();
        CountingCaptioner captioner = new CountingCaptioner(false);
        Map<String, String> hyps = DatasetCaptioner.caption(captioner, dir, Split.TEST, 4);
        Map<String, List<String>> refs =
                CaptionFiles.readReferences(dir.resolve("eval/refs_test.json"));
        assertEquals(refs.keySet(), hyps.keySet());
        assertEquals(List.of(4, 2), captioner.batches); // 6 test images
        assertEquals("size 16", hyps.values().iterator().next()); // resized to the model's size
    }

    @Test
    void shouldFailNamingDatasetWhenPairModelGetsSingleImages() {
        Path dir = toons();
        assertThrows(
                UserInputException.class,
                () -> DatasetCaptioner.caption(new CountingCaptioner(true), dir, Split.TEST, 4));
    }
}
