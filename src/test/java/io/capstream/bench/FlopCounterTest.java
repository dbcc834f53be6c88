package io.capstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.capstream.model.IbaCdModel;
import io.capstream.model.ModelConfig;
import io.capstream.model.ModelTesting;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlopCounterTest {
    private static final int V = 9;

    /** 16×16 images, 2×2 grid (N = 4), d = 16, 2 heads, FFN 32, e = 8, L = 6, one layer each. */
    private static ModelConfig tiny(ModelConfig.Task task) {
        return ModelConfig.preset("cpu-small", task)
                .withOverrides(
                        Map.ofEntries(
                                Map.entry("imageSize", 16),
                                Map.entry("gridSize", 2),
                                Map.entry("modelDim", 16),
                                Map.entry("heads", 2),
                                Map.entry("feedForwardDim", 32),
                                Map.entry("embedDim", 8),
                                Map.entry("maxLength", 6),
                                Map.entry("visionLayers", 1),
                                Map.entry("pairLayers", 1),
                                Map.entry("denoiserLayers", 1)));
    }

    // Hand count, tiny config, iba-cd (memory N = 4):
    //   stem: 3→16 @8×8: 2·16·3·9·64 = 55296; 16→16 @4×4: 2·16·16·9·16 = 73728;
    //         16→16 @2×2: 2·16·16·9·4 = 18432                                  → 147456
    //   input projection 2·4·16·16 = 2048
    //   vision layer(4): projections 4·(2·4·16·16) = 8192, QKᵀ + PV 2·(2·4·4·16) = 1024,
    //                    FFN 2·4·16·32 + 2·4·32·16 = 8192                        → 17408
    //   VIB μ and log σ²: 2·(2·4·16·16) = 4096
    //   encoder = 147456 + 2048 + 17408 + 4096 = 171008
    //   denoiser step: input 2·6·24·16 = 4608, time MLP 2·(2·16·16) = 1024,
    //     self-attention(6,6): 4·(2·6·256) = 12288 + 2·(2·6·6·16) = 2304      → 14592
    //     cross-attention(6,4): 2·(2·6·256) + 2·(2·4·256) = 10240 + 2·(2·6·4·16) = 1536 → 11776
    //     FFN 2·6·16·32 + 2·6·32·16 = 12288; head 2·6·16·9 = 1728; softmax·E 2·6·9·8 = 864
    //     step = 4608 + 1024 + 14592 + 11776 + 12288 + 1728 + 864 = 46880
    @Test
    void shouldMatchHandCountWhenIbaCdTinyConfig() {
        FlopCounter c = new FlopCounter(tiny(ModelConfig.Task.IBA_CD), V);
        assertEquals(147456, c.stem());
        assertEquals(171008, c.encoder());
        assertEquals(46880, c.denoiserStep());
        // 2 cascaded stages × 3 steps
        assertEquals(171008 + 2 * 3 * 46880, c.diffusionPerCaption(3));
        // AR step: the layer and head of the denoiser, without input, time and softmax·E
        assertEquals(14592 + 11776 + 12288 + 1728, c.autoregressiveStep());
        assertEquals(171008 + 3 * 6 * 40384.0, c.autoregressivePerCaption(3, 6), 1e-6);
    }

    // Hand count, tiny config, decider (memory 4N = 16):
    //   encoder = 2·vision(147456 + 2048 + 17408) + 2·attention(4,4) (2·9216)
    //           + pair layer(16): projections 4·(2·16·256) = 32768, QKᵀ + PV 2·(2·16·16·16) =
    // 16384,
    //             FFN 2·(2·16·16·32) = 32768                                  → 81920
    //           = 333824 + 18432 + 81920 = 434176
    //   denoiser step: 4608 + 1024 + self 14592
    //     + cross(6,16): 2·(2·6·256) + 2·(2·16·256) = 22528 + 2·(2·6·16·16) = 6144 → 28672
    //     + FFN 12288 + head 1728 + softmax·E 864 = 63776
    //   AR prefix, greedy, 2 steps: step(1) = self 2112 + cross 18432 + FFN 2048 + head 288 = 22880
    //                               step(2) = self 4352 + cross 20480 + FFN 4096 + head 576 = 29504
    @Test
    void shouldMatchHandCountWhenDeciderTinyConfig() {
        FlopCounter c = new FlopCounter(tiny(ModelConfig.Task.DECIDER), V);
        assertEquals(16, c.memoryTokens());
        assertEquals(434176, c.encoder());
        assertEquals(63776, c.denoiserStep());
        assertEquals(434176 + 3 * 63776, c.diffusionPerCaption(3));
        assertEquals(434176 + 22880 + 29504, c.autoregressivePrefixPerCaption(1, 2));
    }

    @Test
    void shouldCountPatchStemAsOneConvolutionWhenPatchStem() {
        ModelConfig patch =
                tiny(ModelConfig.Task.IBA_CD).withOverrides(Map.of("visionStem", "patch"));
        // kernel = stride = 8, 3 → 16 channels, 2×2 outputs: 2·16·3·8·8·4
        assertEquals(2L * 16 * 3 * 8 * 8 * 4, new FlopCounter(patch, V).stem());
    }

    /**
     * Cross-check against the real denoiser: every Linear weight (out, in) of stage 0 applied to
     * its tokens (time MLP: 1; keys and values of cross-attention: the memory; else L), plus the
     * attention products and softmax·E that have no parameters.
     */
    @Test
    void shouldAgreeWithRealDenoiserParametersWhenSmallPreset() {
        ModelConfig config =
                ModelConfig.preset("cpu-small", ModelConfig.Task.IBA_CD)
                        .withOverrides(Map.of("imageSize", 32, "gridSize", 4));
        FlopCounter counter = new FlopCounter(config, ModelTesting.VOCAB);
        long l = config.maxLength();
        long s = counter.memoryTokens();
        long d = config.modelDim();
        try (NDManager m = NDManager.newBaseManager()) {
            IbaCdModel model = (IbaCdModel) ModelTesting.model(config, m);
            long flops = 0;
            int linears = 0;
            for (Pair<String, Parameter> p : model.generator().getParameters()) {
                Shape w = p.getValue().getArray().getShape();
                String name = p.getKey();
                if (!name.contains("stage0_") || !name.endsWith("weight") || w.dimension() != 2) {
                    continue;
                }
                boolean memory =
                        name.contains("crossAttention")
                                && (name.contains("key") || name.contains("value"));
                long tokens = name.contains("time") ? 1 : memory ? s : l;
                flops += 2 * tokens * w.get(0) * w.get(1);
                linears++;
            }
            long layers = config.denoiserLayers();
            flops += layers * (4 * l * l * d + 4 * l * s * d); // QKᵀ and PV, self and cross
            flops += 2 * l * ModelTesting.VOCAB * config.embedDim(); // softmax(logits)·E
            // input, 2 time, head, and per layer 4 self + 4 cross + 2 FFN projections
            assertEquals(4 + 10 * layers, linears);
            assertEquals(flops, counter.denoiserStep());
        }
    }
}
