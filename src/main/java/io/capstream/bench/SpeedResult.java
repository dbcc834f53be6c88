package io.capstream.bench;

import io.capstream.model.ModelConfig;
import java.util.List;

/**
 * What {@link SpeedBench#run} measured for one model.
 *
 * @param config the benchmarked config (either generator)
 * @param vocabularySize V
 * @param diffusionWeights where the diffusion weights came from
 * @param autoregressiveWeights where the baseline's weights came from
 * @param cells diffusion (the config's steps), AR greedy and AR beam at each batch size
 * @param stepCells diffusion at the steps batch size, one per sampling-step count
 * @param stepsReference AR greedy at the steps batch size, timed with the steps sweep
 */
public record SpeedResult(
        ModelConfig config,
        int vocabularySize,
        String diffusionWeights,
        String autoregressiveWeights,
        List<SpeedCell> cells,
        List<SpeedCell> stepCells,
        SpeedCell stepsReference) {
    public SpeedResult {
        cells = List.copyOf(cells);
        stepCells = List.copyOf(stepCells);
    }
}
