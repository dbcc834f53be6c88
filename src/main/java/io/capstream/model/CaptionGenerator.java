package io.capstream.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.capstream.model.autoregressive.AutoregressiveDecoder;
import io.capstream.model.diffusion.CascadedDiffusionGenerator;

/**
 * Generates captions from a visual memory (B, N, d). The cascaded diffusion generator of the papers
 * and the autoregressive baseline implement it, so both plug into the same encoders and "diffusion
 * vs autoregressive at the same size" is a like-for-like comparison.
 */
public interface CaptionGenerator extends Block {

    /**
     * Adds the generator's training terms ({@link LossTerms#CE}, {@link LossTerms#REG}, {@link
     * LossTerms#CD}, as switched on in the config) for one batch.
     *
     * @param terms where to add them
     * @param ps the parameter store
     * @param memory the visual memory (B, N, d), computed once by the caller
     * @param captions (B, L) ground-truth ids, EOS-padded
     * @param training dropout and stochastic choices on (false for a validation loss)
     */
    void addLosses(
            LossTerms terms, ParameterStore ps, NDArray memory, int[][] captions, boolean training);

    /**
     * Generates captions. The memory is only read; nothing recomputes the encoder.
     *
     * @param ps the parameter store
     * @param memory (B, N, d)
     * @return the captions cut at their first EOS, with per-word probabilities
     */
    Captions generate(ParameterStore ps, NDArray memory);

    /**
     * The generator a config asks for.
     *
     * @param config the model config ({@code generator} key)
     * @param vocabularySize V
     * @return a new, uninitialised generator
     */
    static CaptionGenerator create(ModelConfig config, int vocabularySize) {
        return config.generator() == ModelConfig.Generator.DIFFUSION
                ? new CascadedDiffusionGenerator(config, vocabularySize)
                : new AutoregressiveDecoder(config, vocabularySize);
    }
}
