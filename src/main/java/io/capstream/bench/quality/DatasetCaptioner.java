package io.capstream.bench.quality;

import io.capstream.data.CaptionedImage;
import io.capstream.data.CaptionedPair;
import io.capstream.data.Split;
import io.capstream.data.imports.Datasets;
import io.capstream.data.imports.ImportOptions;
import io.capstream.model.CaptionInput;
import io.capstream.model.Captioner;
import io.capstream.model.GeneratedCaption;
import io.capstream.model.image.ImagePreprocessor;
import io.capstream.model.image.InvalidImageException;
import io.capstream.model.image.ModelImage;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Captions one split of a dataset with a {@link Captioner}, in batches, through the same image
 * preprocessing as the worker: the hypotheses that {@code capstream eval} and the quality benchmark
 * score.
 */
public final class DatasetCaptioner {
    /** Largest accepted picture (width × height): far above any dataset image. */
    private static final long MAX_PIXELS = 1L << 26;

    private DatasetCaptioner() {}

    /**
     * Captions every sample of a split.
     *
     * @param captioner a pair or single-image captioner (matching the dataset)
     * @param datasetDir a dataset in a layout {@link Datasets} reads
     * @param split the split
     * @param batchSize samples per captioner call
     * @return id → caption, in dataset order
     * @throws UserInputException when the dataset cannot be read or an image cannot be decoded
     */
    public static Map<String, String> caption(
            Captioner captioner, Path datasetDir, Split split, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " < 1");
        }
        ImportOptions opts = ImportOptions.defaults().withSplit(split);
        ImagePreprocessor images = new ImagePreprocessor(captioner.info().imageSize(), MAX_PIXELS);
        List<String> ids = new ArrayList<>();
        List<Path[]> files = new ArrayList<>();
        if (captioner.info().pairs()) {
            for (CaptionedPair p : Datasets.readPairs(datasetDir, opts).samples()) {
                ids.add(p.id());
                files.add(new Path[] {p.before(), p.after()});
            }
        } else {
            for (CaptionedImage i : Datasets.readImages(datasetDir, opts).samples()) {
                ids.add(i.id());
                files.add(new Path[] {i.image()});
            }
        }
        if (ids.isEmpty()) {
            throw new UserInputException(datasetDir + ": the " + split.id() + " split is empty");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int start = 0; start < ids.size(); start += batchSize) {
            int end = Math.min(ids.size(), start + batchSize);
            List<CaptionInput> batch = new ArrayList<>();
            for (int i = start; i < end; i++) {
                batch.add(input(images, files.get(i)));
            }
            List<GeneratedCaption> captions = captioner.caption(batch);
            for (int i = start; i < end; i++) {
                out.put(ids.get(i), captions.get(i - start).text());
            }
        }
        return out;
    }

    private static CaptionInput input(ImagePreprocessor images, Path[] files) {
        if (files.length == 1) {
            return new CaptionInput.Single(decode(images, files[0]));
        }
        return new CaptionInput.Pair(decode(images, files[0]), decode(images, files[1]));
    }

    private static ModelImage decode(ImagePreprocessor images, Path file) {
        try {
            return images.decode(Files.readAllBytes(file));
        } catch (IOException | InvalidImageException e) {
            throw new UserInputException(file + ": " + e.getMessage(), e);
        }
    }
}
