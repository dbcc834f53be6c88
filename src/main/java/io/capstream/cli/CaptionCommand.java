package io.capstream.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.capstream.data.Split;
import io.capstream.model.CaptionInput;
import io.capstream.model.DjlCaptioner;
import io.capstream.model.GeneratedCaption;
import io.capstream.model.ModelConfig;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.model.image.ModelImage;
import io.capstream.training.TrainingData;
import io.capstream.training.TrainingSample;
import io.capstream.util.Progress;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code capstream caption}: captions every image or pair of a dataset split with a checkpoint and
 * writes {@code {id: caption}} keyed like the split's reference file, for {@code capstream eval}.
 */
@Command(
        name = "caption",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Caption every sample of a dataset split with a trained checkpoint (the shipped one"
                    + " unless --checkpoint) and write {\"id\": \"caption\"} for 'capstream eval'"
                    + " (ids as in eval/refs_<split>.json).",
            "Progress goes to stderr; nothing is printed on stdout."
        })
public final class CaptionCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "decider or iba-cd.")
    String model;

    @Option(
            names = "--checkpoint",
            paramLabel = "DIR",
            description = "Checkpoint directory (default: the shipped store's current version).")
    Path checkpoint;

    @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Dataset.")
    Path dataset;

    @Option(
            names = "--split",
            defaultValue = "test",
            description = "train, val or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--out", required = true, paramLabel = "HYPS.json", description = "Output.")
    Path out;

    @Option(
            names = "--batch-size",
            defaultValue = "32",
            description = "Samples per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--steps",
            defaultValue = "0",
            description = "DDIM sampling steps per stage; 0 = the checkpoint's (default).")
    int steps;

    @Option(
            names = "--device",
            defaultValue = "auto",
            description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", description = "PyTorch intra-op threads.")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        ModelConfig.Task task = CliModels.task(model);
        Split s = split();
        if (batchSize < 1) {
            throw new UserInputException("--batch-size " + batchSize + " must be ≥ 1");
        }
        CliModels.threads(threads);
        ModelCheckpoint c = ModelCheckpoint.load(checkpointDir());
        if (c.config().task() != task) {
            throw new UserInputException(
                    "checkpoint "
                            + c.path()
                            + " holds a "
                            + CliModels.name(c.config().task())
                            + " model, not "
                            + model);
        }
        List<TrainingSample> samples =
                TrainingData.load(dataset, task, c.config().imageSize(), List.of(s), false)
                        .split(s);
        if (samples.isEmpty()) {
            throw new UserInputException(
                    "--dataset " + dataset + " has no samples in split " + s.id());
        }
        Map<String, String> hyps = new LinkedHashMap<>();
        try (DjlCaptioner captioner = DjlCaptioner.open(c, device, steps);
                Progress bar = new Progress("caption " + s.id(), samples.size())) {
            for (int from = 0; from < samples.size(); from += batchSize) {
                List<TrainingSample> batch =
                        samples.subList(from, Math.min(samples.size(), from + batchSize));
                List<CaptionInput> inputs = new ArrayList<>(batch.size());
                for (TrainingSample t : batch) {
                    List<ModelImage> images = t.modelImages();
                    inputs.add(
                            images.size() == 2
                                    ? new CaptionInput.Pair(images.get(0), images.get(1))
                                    : new CaptionInput.Single(images.get(0)));
                }
                List<GeneratedCaption> captions = captioner.caption(inputs);
                for (int i = 0; i < batch.size(); i++) {
                    hyps.put(batch.get(i).id(), captions.get(i).text());
                }
                bar.advance(batch.size());
            }
        }
        write(hyps);
        System.err.println(
                "captioned "
                        + hyps.size()
                        + " "
                        + s.id()
                        + " samples with "
                        + c.name()
                        + " v"
                        + c.version()
                        + " -> "
                        + out);
        return 0;
    }

    private Split split() {
        try {
            return Split.parse(split);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--split: " + e.getMessage());
        }
    }

    private Path checkpointDir() {
        if (checkpoint != null) {
            return checkpoint;
        }
        ModelStore store = ModelStore.shipped();
        return store.path(model, store.current(model));
    }

    private void write(Map<String, String> hyps) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.toFile(), hyps);
        } catch (IOException e) {
            throw new UserInputException("--out " + out + ": cannot write: " + e.getMessage(), e);
        }
    }
}
