package io.capstream.bench.quality;

import io.capstream.data.Split;
import io.capstream.model.Captioner;
import io.capstream.model.DjlCaptioner;
import io.capstream.model.ModelConfig;
import io.capstream.training.Trainer;
import io.capstream.training.TrainerConfig;
import io.capstream.training.TrainingData;
import io.capstream.training.TrainingRecipe;
import io.capstream.util.UserInputException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The quality benchmark's link to the product: trains with {@link Trainer} (the recipe of the
 * preset, as {@code capstream train} uses it, with the benchmark's step budget) and captions with
 * {@link DjlCaptioner}. A dataset is decoded once and shared by all variants of a run.
 */
public final class TrainerBackend implements VariantTrainer, CaptionerOpener {
    private final String preset;
    private final String device;
    private final int maxValidationSamples;
    private final boolean progress;
    private final Map<String, TrainingData> decoded = new HashMap<>();

    /**
     * @param preset the preset whose training recipe (batch size, learning rate, warm-up,
     *     validation interval) every variant uses
     * @param device auto, cpu or gpu
     * @param maxValidationSamples validation samples scored when selecting the best weights (0 =
     *     all)
     * @param progress show the trainer's progress bar
     */
    public TrainerBackend(
            String preset, String device, int maxValidationSamples, boolean progress) {
        this.preset = preset;
        this.device = device;
        this.maxValidationSamples = maxValidationSamples;
        this.progress = progress;
    }

    @Override
    public Path train(
            String name, ModelConfig config, Path datasetDir, int steps, Path checkpointDir) {
        TrainerConfig.Builder b = TrainerConfig.builder().setModelConfig(config);
        TrainingRecipe.of(preset, config.task()).applyTo(b);
        TrainerConfig tc =
                b.optSteps(steps)
                        .optValidateEvery(
                                Math.min(
                                        steps,
                                        TrainingRecipe.of(preset, config.task()).validateEvery()))
                        .optMaxValidationSamples(maxValidationSamples)
                        .optDevice(device)
                        .optSaveTrainingState(false)
                        .optCommand("capstream bench quality (" + name + ")")
                        .optProgress(progress)
                        .build();
        TrainingData data = data(datasetDir, config);
        if (data.split(Split.TRAIN).isEmpty()) {
            throw new UserInputException(datasetDir + " has no train split samples");
        }
        new Trainer(tc)
                .train(data.split(Split.TRAIN), data.split(Split.VAL), checkpointDir, name, 1);
        return checkpointDir;
    }

    private TrainingData data(Path dir, ModelConfig config) {
        String key = dir.toAbsolutePath() + "|" + config.task() + "|" + config.imageSize();
        return decoded.computeIfAbsent(
                key,
                k ->
                        TrainingData.load(
                                dir,
                                config.task(),
                                config.imageSize(),
                                List.of(Split.TRAIN, Split.VAL),
                                progress));
    }

    @Override
    public Captioner open(Path checkpointDir, int samplingSteps) {
        return DjlCaptioner.open(checkpointDir, device, samplingSteps);
    }
}
