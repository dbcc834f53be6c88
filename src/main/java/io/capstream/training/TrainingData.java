package io.capstream.training;

import io.capstream.data.CaptionedImage;
import io.capstream.data.CaptionedPair;
import io.capstream.data.Split;
import io.capstream.data.imports.DatasetFormat;
import io.capstream.data.imports.Datasets;
import io.capstream.data.imports.ImportOptions;
import io.capstream.data.imports.ImportResult;
import io.capstream.model.ModelConfig;
import io.capstream.model.image.ImagePreprocessor;
import io.capstream.model.image.InvalidImageException;
import io.capstream.model.image.ModelImage;
import io.capstream.util.Progress;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A dataset directory read into memory for training: the layout is detected by the existing readers
 * (CLEVR-Change, Spot-the-Diff or Image-Editing-Request for {@code decider}; COCO captions for
 * {@code iba-cd}) and every image is decoded once at the model's image size.
 *
 * @param dir the dataset directory
 * @param format the detected layout
 * @param splits the samples of each split, in the dataset's order (ids as in the {@code capstream
 *     eval} reference files)
 */
public record TrainingData(
        Path dir, DatasetFormat format, Map<Split, List<TrainingSample>> splits) {
    private static final long MAX_PIXELS = 64L * 1024 * 1024;

    /**
     * The samples of one split (empty if the dataset has none).
     *
     * @param split the split
     * @return its samples
     */
    public List<TrainingSample> split(Split split) {
        return splits.getOrDefault(split, List.of());
    }

    /**
     * Reads and decodes a dataset.
     *
     * @param dir the dataset directory
     * @param task decider reads image pairs, iba-cd single images
     * @param imageSize the model's image size
     * @param only the splits to decode (others are left out, to save time)
     * @param progress whether to show a progress bar on stderr
     * @return the decoded data
     * @throws UserInputException naming the directory or file when the dataset cannot be read
     */
    public static TrainingData load(
            Path dir, ModelConfig.Task task, int imageSize, List<Split> only, boolean progress) {
        ImagePreprocessor pre = new ImagePreprocessor(imageSize, MAX_PIXELS);
        Map<Split, List<TrainingSample>> splits = new EnumMap<>(Split.class);
        DatasetFormat format;
        List<Source> sources = new ArrayList<>();
        if (task == ModelConfig.Task.DECIDER) {
            ImportResult<CaptionedPair> r = Datasets.readPairs(dir, ImportOptions.defaults());
            format = r.format();
            for (CaptionedPair p : r.samples()) {
                if (only.contains(p.split())) {
                    sources.add(
                            new Source(
                                    p.id(),
                                    p.split(),
                                    List.of(p.before(), p.after()),
                                    p.captions()));
                }
            }
        } else {
            ImportResult<CaptionedImage> r = Datasets.readImages(dir, ImportOptions.defaults());
            format = r.format();
            for (CaptionedImage i : r.samples()) {
                if (only.contains(i.split())) {
                    sources.add(new Source(i.id(), i.split(), List.of(i.image()), i.captions()));
                }
            }
        }
        TrainingSample[] decoded = new TrainingSample[sources.size()];
        try (Progress bar =
                new Progress(
                        "decode " + dir.getFileName(),
                        sources.size(),
                        System.err,
                        progress && System.console() != null)) {
            // ImageIO decoding is the slow part; each image is independent
            IntStream.range(0, sources.size())
                    .parallel()
                    .forEach(
                            i -> {
                                decoded[i] = sources.get(i).decode(pre);
                                if (progress) {
                                    synchronized (bar) {
                                        bar.step();
                                    }
                                }
                            });
        }
        for (int i = 0; i < decoded.length; i++) {
            splits.computeIfAbsent(sources.get(i).split, s -> new ArrayList<>()).add(decoded[i]);
        }
        splits.replaceAll((s, list) -> List.copyOf(list));
        return new TrainingData(dir, format, splits);
    }

    private record Source(String id, Split split, List<Path> images, List<String> captions) {
        TrainingSample decode(ImagePreprocessor pre) {
            List<ModelImage> out = new ArrayList<>();
            for (Path p : images) {
                try {
                    out.add(pre.decode(Files.readAllBytes(p)));
                } catch (IOException e) {
                    throw new UserInputException("cannot read image " + p + ": " + e.getMessage());
                } catch (InvalidImageException e) {
                    throw new UserInputException("image " + p + ": " + e.getMessage());
                }
            }
            return TrainingSample.of(id, out, captions);
        }
    }
}
