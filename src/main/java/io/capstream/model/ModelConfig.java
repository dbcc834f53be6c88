package io.capstream.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every hyper-parameter of the two captioners, JSON-serialisable (it is saved with each
 * checkpoint). Start from a {@link #preset} and change keys with {@link #withOverrides}; the
 * compact constructor validates and names the bad key. The switches {@code ib, ce, reg, pos, neg}
 * and {@code stages} reproduce the papers' ablations (IBA-CD Tables 3–4, DECIDER Table 3).
 *
 * @param task which model the config is for (sets task-specific preset defaults)
 * @param generator diffusion (the papers) or autoregressive (the baseline of the same size)
 * @param imageSize input images are imageSize × imageSize RGB
 * @param gridSize the vision encoder yields gridSize² tokens per image
 * @param visionStem strided-conv stem or one-conv patch stem
 * @param modelDim d, the width of every Transformer stack
 * @param heads attention heads per layer
 * @param feedForwardDim FFN hidden width
 * @param dropout dropout on attention probabilities and residual branches
 * @param visionLayers pre-LN layers of the (siamese) vision encoder
 * @param pairLayers pre-LN layers of the DECIDER pair encoder after the difference step
 * @param textLayers pre-LN layers of the caption encoder (IB alignment branch)
 * @param denoiserLayers cross-attending layers per diffusion stage (and of the AR decoder)
 * @param embedDim e, the width of the diffusion word embeddings x0 = E[y]
 * @param maxLength L, fixed caption length (EOS-padded)
 * @param projectionDim k, width of the contrastive projections for InfoNCE
 * @param stages cascaded diffusion stages N (1 = no cascade)
 * @param sampleSteps DDIM steps S per stage at inference
 * @param schedule noise schedule ᾱ(t)
 * @param noiseEnhancement IBA-CD's P (eq. 20) at t = 0, decaying linearly to 1 at t = 1
 * @param selfCondProb probability of a self-conditioning first pass in training
 * @param cascadeCorruptProb stage k ≥ 2 trains on corrupted ground truth with this probability,
 *     otherwise on stage k−1's predictions (joint cascade training)
 * @param cascadeReplaceRatio fraction of words replaced at random in corrupted ground truth
 * @param tau InfoNCE temperature
 * @param beta weight of the VIB KL terms (compression)
 * @param alphaClub weight of the CLUB upper bound (DECIDER eq. 7)
 * @param alphaSkl weight of the symmetric KL (DECIDER Theorem 1)
 * @param sklMode which two Gaussians the symmetric KL compares
 * @param lambdaCe weight of L_CE
 * @param gammaReg weight of L_REG
 * @param lambdaCd weight of the contrastive diffusion loss (DECIDER eq. 19, λ = 0.01)
 * @param tauCd temperature of the contrastive diffusion loss over mean squared distances
 * @param epsPos step size of the hard-positive perturbation (per element, sign steps)
 * @param epsNeg step size of the hard-negative perturbation
 * @param perturbation sign (FGSM) or L2-normalised gradient steps
 * @param ib switch: information-bottleneck alignment losses
 * @param ce switch: cross-entropy loss
 * @param reg switch: x0 regression loss
 * @param pos switch: adversarial hard positive in the contrastive diffusion loss
 * @param neg switch: adversarial hard negative in the contrastive diffusion loss
 * @param beamWidth beam width of the autoregressive baseline
 * @param lengthPenalty beam scores are log P / length^lengthPenalty
 * @param seed seed for {@code Engine.setRandomSeed} before initialisation
 */
public record ModelConfig(
        Task task,
        Generator generator,
        int imageSize,
        int gridSize,
        VisionStem visionStem,
        int modelDim,
        int heads,
        int feedForwardDim,
        float dropout,
        int visionLayers,
        int pairLayers,
        int textLayers,
        int denoiserLayers,
        int embedDim,
        int maxLength,
        int projectionDim,
        int stages,
        int sampleSteps,
        Schedule schedule,
        float noiseEnhancement,
        float selfCondProb,
        float cascadeCorruptProb,
        float cascadeReplaceRatio,
        float tau,
        float beta,
        float alphaClub,
        float alphaSkl,
        SklMode sklMode,
        float lambdaCe,
        float gammaReg,
        float lambdaCd,
        float tauCd,
        float epsPos,
        float epsNeg,
        Perturbation perturbation,
        boolean ib,
        boolean ce,
        boolean reg,
        boolean pos,
        boolean neg,
        int beamWidth,
        float lengthPenalty,
        long seed) {

    /** The captioning task. */
    public enum Task {
        @JsonProperty("iba-cd")
        IBA_CD,
        @JsonProperty("decider")
        DECIDER
    }

    /** The caption generator. */
    public enum Generator {
        @JsonProperty("diffusion")
        DIFFUSION,
        @JsonProperty("autoregressive")
        AUTOREGRESSIVE
    }

    /** How images become tokens. */
    public enum VisionStem {
        /** log2(imageSize / gridSize) stride-2 3×3 convolutions with ReLU. */
        @JsonProperty("conv")
        CONV,
        /** One convolution with kernel = stride = imageSize / gridSize (ViT patches). */
        @JsonProperty("patch")
        PATCH
    }

    /** The noise schedule ᾱ(t). */
    public enum Schedule {
        /** Diffusion-LM: ᾱ(t) = 1 − √(t + 1e-4). */
        @JsonProperty("sqrt")
        SQRT,
        /** Nichol and Dhariwal: ᾱ(t) = cos²((t + s)/(1 + s)·π/2) / cos²(s/(1 + s)·π/2). */
        @JsonProperty("cosine")
        COSINE
    }

    /** The two Gaussians of DECIDER's symmetric KL. */
    public enum SklMode {
        /** q(d̄ | ū_before) vs q(d̄ | ū_after) from the CLUB network (Theorem 1 as written). */
        @JsonProperty("images")
        IMAGES,
        /** The pair's VIB posterior vs the caption's (multi-view IB; research/model.md §5.3). */
        @JsonProperty("modalities")
        MODALITIES
    }

    /** Gradient step used for the adversarial samples. */
    public enum Perturbation {
        /** ε·sign(g) (FGSM). */
        @JsonProperty("sign")
        SIGN,
        /** ε·√(L·e)·g/‖g‖₂ per sample (DECIDER eqs. 13, 15, 18; same norm as the sign step). */
        @JsonProperty("l2")
        L2
    }

    /** Validates every key; the message names the key and its value. */
    public ModelConfig {
        ConfigChecks c = new ConfigChecks();
        c.notNull("task", task).notNull("generator", generator).notNull("visionStem", visionStem);
        c.notNull("schedule", schedule).notNull("sklMode", sklMode);
        c.notNull("perturbation", perturbation);
        c.positive("imageSize", imageSize).positive("gridSize", gridSize);
        c.require(
                imageSize % Math.max(gridSize, 1) == 0,
                "gridSize",
                gridSize,
                "must divide imageSize (" + imageSize + ")");
        int ratio = imageSize / Math.max(gridSize, 1);
        c.require(
                visionStem != VisionStem.CONV || (ratio >= 2 && Integer.bitCount(ratio) == 1),
                "gridSize",
                gridSize,
                "needs imageSize / gridSize to be a power of two ≥ 2 for the "
                        + "conv stem (imageSize "
                        + imageSize
                        + ")");
        c.positive("modelDim", modelDim).positive("heads", heads);
        c.require(
                modelDim % Math.max(heads, 1) == 0 && modelDim % 2 == 0,
                "heads",
                heads,
                "must divide modelDim (" + modelDim + "), which must be even");
        c.positive("feedForwardDim", feedForwardDim).fraction("dropout", dropout, false);
        c.atLeast("visionLayers", visionLayers, 0).atLeast("pairLayers", pairLayers, 0);
        c.atLeast("textLayers", textLayers, 0).atLeast("denoiserLayers", denoiserLayers, 1);
        c.positive("embedDim", embedDim).positive("maxLength", maxLength);
        c.positive("projectionDim", projectionDim);
        c.atLeast("stages", stages, 1).atLeast("sampleSteps", sampleSteps, 1);
        c.require(
                noiseEnhancement >= 1f && noiseEnhancement <= 10f,
                "noiseEnhancement",
                noiseEnhancement,
                "must be in [1, 10] (1 = standard forward process)");
        c.fraction("selfCondProb", selfCondProb, true);
        c.fraction("cascadeCorruptProb", cascadeCorruptProb, true);
        c.fraction("cascadeReplaceRatio", cascadeReplaceRatio, true);
        c.require(tau > 0f, "tau", tau, "must be > 0")
                .require(tauCd > 0f, "tauCd", tauCd, "must be > 0");
        c.nonNegative("beta", beta).nonNegative("alphaClub", alphaClub);
        c.nonNegative("alphaSkl", alphaSkl).nonNegative("lambdaCe", lambdaCe);
        c.nonNegative("gammaReg", gammaReg).nonNegative("lambdaCd", lambdaCd);
        c.nonNegative("epsPos", epsPos).nonNegative("epsNeg", epsNeg);
        c.require(
                ce || (reg && generator == Generator.DIFFUSION),
                "ce",
                ce,
                generator == Generator.DIFFUSION
                        ? "and reg are both off: the generator would have no loss"
                        : "must be on for the autoregressive generator (its only loss)");
        c.atLeast("beamWidth", beamWidth, 1).nonNegative("lengthPenalty", lengthPenalty);
        c.throwIfAny();
    }

    /** Names accepted by {@link #preset}. */
    public static List<String> presetNames() {
        return List.of("cpu-small", "gpu-base");
    }

    /**
     * A named preset for a task. {@code cpu-small} is research/model.md §5.5 "small" (trains in
     * minutes on 2 cores); {@code gpu-base} is the papers' size (d = 512, 8 heads, 3 layers per
     * stack). DECIDER presets are single-stage with both adversarial samples on; IBA-CD presets use
     * 2 cascaded stages and no contrastive diffusion.
     *
     * @param name a preset name
     * @param task the task
     * @return the validated config
     * @throws UserInputException for an unknown name
     */
    public static ModelConfig preset(String name, Task task) {
        boolean decider = task == Task.DECIDER;
        ModelConfig small =
                new ModelConfig(
                        task,
                        Generator.DIFFUSION,
                        64,
                        4,
                        VisionStem.CONV, // 64×64 → 4×4 = 16 tokens per image
                        128,
                        4,
                        256,
                        0f, // d, heads, FFN, dropout
                        1,
                        1,
                        1,
                        2, // vision, pair, text, denoiser layers
                        16,
                        12,
                        128, // e, L, k
                        decider ? 1 : 2,
                        20,
                        Schedule.SQRT,
                        1f, // stages, S, schedule, P
                        0.5f,
                        0.5f,
                        0.2f, // self-cond p, cascade corrupt p, replace ratio
                        0.1f,
                        1e-3f,
                        0.1f,
                        0.1f,
                        SklMode.IMAGES, // τ, β, α_c, α_s
                        1f,
                        1f, // λ (CE), γ (REG)
                        0.01f,
                        0.1f,
                        0.2f,
                        0.2f,
                        Perturbation.SIGN, // λ_cd, τ_cd, ε+, ε−
                        true,
                        true,
                        true,
                        decider,
                        decider, // ib ce reg pos neg
                        3,
                        1f,
                        42L);
        switch (name) {
            case "cpu-small":
                return small;
            case "gpu-base":
                return small.withOverrides(
                        Map.ofEntries(
                                Map.entry("imageSize", 128),
                                Map.entry("gridSize", 8),
                                Map.entry("modelDim", 512),
                                Map.entry("heads", 8),
                                Map.entry("feedForwardDim", 2048),
                                Map.entry("dropout", 0.1),
                                Map.entry("visionLayers", 3),
                                Map.entry("pairLayers", 3),
                                Map.entry("textLayers", 3),
                                Map.entry("denoiserLayers", 3),
                                Map.entry("embedDim", 64),
                                Map.entry("maxLength", decider ? 24 : 20),
                                Map.entry("sampleSteps", 50)));
            default:
                throw new UserInputException(
                        "unknown model preset '" + name + "' (known: " + presetNames() + ")");
        }
    }

    /**
     * A copy with some keys changed; values may be strings ("0.1", "true", "sqrt").
     *
     * @param overrides key → value
     * @return the validated new config
     * @throws UserInputException naming an unknown key or a bad value
     */
    public ModelConfig withOverrides(Map<String, ?> overrides) {
        return ConfigJson.withOverrides(this, overrides);
    }

    /** All config keys in declaration order. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (var c : ModelConfig.class.getRecordComponents()) {
            keys.add(c.getName());
        }
        return keys;
    }

    /** Visual tokens per image, N = gridSize². */
    @JsonIgnore
    public int visualTokens() {
        return gridSize * gridSize;
    }

    /** Whether the contrastive diffusion loss is on (either adversarial sample switched on). */
    @JsonIgnore
    public boolean contrastive() {
        return pos || neg;
    }

    /** This config as indented JSON. */
    public String toJson() {
        return ConfigJson.toJson(this);
    }

    /**
     * Parses a full config (every key present, as written by {@link #toJson}).
     *
     * @param json the text
     * @param source names the input in error messages (a file name)
     * @return the validated config
     * @throws UserInputException naming the source and the missing, unknown or bad key
     */
    public static ModelConfig fromJson(String json, String source) {
        return ConfigJson.fromJson(json, source);
    }

    /** Writes {@link #toJson} to a file. */
    public void save(Path file) throws IOException {
        Files.writeString(file, toJson());
    }

    /** Reads a file written by {@link #save}. */
    public static ModelConfig load(Path file) {
        try {
            return fromJson(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UserInputException("cannot read model config " + file + ": " + e, e);
        }
    }
}
