package io.capstream.bench.quality;

import io.capstream.model.ModelConfig;
import io.capstream.util.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model trained by the quality benchmark: the paper's diffusion model, the autoregressive
 * baseline of the same size, or an ablation that switches one part off (IBA-CD Tables 3–4, DECIDER
 * Table 3). Everything else in the config stays the same.
 *
 * @param name e.g. {@code no-ib}
 * @param overrides the config keys the variant changes
 * @param description what the variant tests, for the table
 */
public record QualityVariant(String name, Map<String, Object> overrides, String description) {
    public QualityVariant {
        overrides = Map.copyOf(overrides);
    }

    /** The full model: diffusion with every loss term. */
    public static final String DIFFUSION = "diffusion";

    private static final Map<String, QualityVariant> ALL = new LinkedHashMap<>();

    static {
        add(DIFFUSION, Map.of(), "the paper's model");
        add("autoregressive", Map.of("generator", "autoregressive"), "same size, AR decoder");
        add("no-ib", Map.of("ib", false), "without the information-bottleneck losses");
        add("no-ce", Map.of("ce", false), "without L_CE");
        add("no-reg", Map.of("reg", false), "without L_REG");
        add("no-pos", Map.of("pos", false), "contrastive loss without the hard positive");
        add("no-neg", Map.of("neg", false), "contrastive loss without the hard negative");
        add("stages-1", Map.of("stages", 1), "one diffusion stage (no cascade)");
    }

    private static void add(String name, Map<String, Object> overrides, String description) {
        ALL.put(name, new QualityVariant(name, overrides, description));
    }

    /**
     * The variants the benchmark trains for a task by default: DECIDER's ablations of its
     * contrastive diffusion (no-pos, no-neg), IBA-CD's of its cascade (stages-1).
     *
     * @param task the task
     * @return names in table order
     */
    public static List<String> defaults(ModelConfig.Task task) {
        return task == ModelConfig.Task.DECIDER
                ? List.of(
                        DIFFUSION, "autoregressive", "no-ib", "no-ce", "no-reg", "no-pos", "no-neg")
                : List.of(DIFFUSION, "autoregressive", "no-ib", "no-ce", "no-reg", "stages-1");
    }

    /**
     * Checks that every name is a known variant.
     *
     * @param names variant names
     * @throws UserInputException naming the first unknown one
     */
    public static void checkKnown(List<String> names) {
        for (String n : names) {
            if (!ALL.containsKey(n)) {
                throw new UserInputException(
                        "unknown variant '"
                                + n
                                + "' (known: "
                                + String.join(", ", ALL.keySet())
                                + ")");
            }
        }
    }

    /**
     * The named variants that apply to a task (no-pos and no-neg only to DECIDER, stages-1 only to
     * IBA-CD), in the given order.
     *
     * @param names known variant names
     * @param task the task
     * @return the variants
     */
    public static List<QualityVariant> forTask(List<String> names, ModelConfig.Task task) {
        checkKnown(names);
        List<QualityVariant> out = new ArrayList<>();
        for (String n : names) {
            if (defaults(task).contains(n)) {
                out.add(ALL.get(n));
            }
        }
        return out;
    }

    /**
     * The variant's config.
     *
     * @param base the shared config of the run
     * @return base with this variant's keys changed
     */
    public ModelConfig apply(ModelConfig base) {
        return base.withOverrides(overrides);
    }
}
