package io.capstream.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.capstream.model.ModelConfig;
import io.capstream.model.text.Vocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code metrics.json} of a trained checkpoint: steps, time, throughput, machine, command,
 * trainer settings, data sizes, loss curve and the validation history (resumed runs append to the
 * history and add up the wall time).
 */
final class TrainingMetrics {
    private static final int LOSS_POINTS = 100;

    private TrainingMetrics() {}

    static Map<String, Object> of(
            TrainerConfig c,
            String name,
            int version,
            ModelConfig mc,
            Vocabulary vocabulary,
            BatchSampler sampler,
            List<Validation> history,
            Validation best,
            List<Float> losses,
            int startStep,
            double totalSeconds,
            double runSeconds,
            double samplesPerSecond,
            Device device) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", name);
        m.put("version", version);
        m.put("task", mc.task() == ModelConfig.Task.DECIDER ? "decider" : "iba-cd");
        m.put("steps", c.steps());
        m.put("resumedFromStep", startStep);
        m.put("batchSize", c.batchSize());
        m.put("epochs", round(sampler.epochs(c.steps())));
        m.put("wallSeconds", round(totalSeconds));
        m.put("wallSecondsThisRun", round(runSeconds));
        m.put("samplesPerSecond", round(samplesPerSecond));
        m.put("secondsPerStep", round(c.batchSize() / samplesPerSecond));
        m.put("machine", machine(device));
        m.put("command", c.command());
        m.put("trainer", trainer(c));
        m.put("vocabularySize", vocabulary.size());
        List<Map<String, Object>> v = new ArrayList<>();
        history.forEach(h -> v.add(h.toMap()));
        m.put("validation", v);
        if (best != null) {
            m.put("best", best.toMap());
        }
        m.put("loss", lossCurve(losses, startStep));
        return m;
    }

    private static Map<String, Object> machine(Device device) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put(
                "os",
                System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.version")
                        + " "
                        + System.getProperty("os.arch"));
        m.put("java", System.getProperty("java.version"));
        m.put("device", device.toString());
        m.put(
                "engine",
                Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        return m;
    }

    private static Map<String, Object> trainer(TrainerConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("learningRate", c.learningRate());
        m.put("warmUpSteps", c.warmUpSteps());
        m.put("decay", c.decay().name().toLowerCase(Locale.ROOT));
        m.put("finalLearningRateFraction", c.finalLearningRateFraction());
        m.put("weightDecay", c.weightDecay());
        m.put("clipNorm", c.clipNorm());
        m.put("emaDecay", c.emaDecay());
        m.put("estimatorLearningRate", c.estimatorLearningRate());
        m.put("seed", c.seed());
        m.put("validateEvery", c.validateEvery());
        m.put("captionChoice", c.captionChoice().name().toLowerCase(Locale.ROOT));
        m.put("vocabularyMinCount", c.vocabularyMinCount());
        return m;
    }

    /** About {@value #LOSS_POINTS} points of the loss, each the mean over its span of steps. */
    private static List<Map<String, Object>> lossCurve(List<Float> losses, int startStep) {
        List<Map<String, Object>> out = new ArrayList<>();
        int span = Math.max(1, losses.size() / LOSS_POINTS);
        for (int from = 0; from < losses.size(); from += span) {
            int to = Math.min(losses.size(), from + span);
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += losses.get(i);
            }
            out.add(Map.of("step", startStep + to, "loss", round(sum / (to - from))));
        }
        return out;
    }

    /** Validation passes recorded in a checkpoint's metrics. */
    @SuppressWarnings("unchecked")
    static List<Validation> validations(Map<String, Object> metrics) {
        List<Validation> out = new ArrayList<>();
        Object v = metrics.get("validation");
        if (v instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> m = (Map<String, Object>) o;
                Map<String, Double> scores = new LinkedHashMap<>();
                ((Map<String, Object>) m.get("scores"))
                        .forEach((k, x) -> scores.put(k, ((Number) x).doubleValue()));
                out.add(
                        new Validation(
                                ((Number) m.get("step")).intValue(),
                                ((Number) m.get("samples")).intValue(),
                                scores,
                                ((Number) m.get("distinctCaptions")).intValue(),
                                String.valueOf(m.get("example"))));
            }
        }
        return out;
    }

    /** The pass with the highest CIDEr-D (the earliest on ties), or null. */
    static Validation best(List<Validation> history) {
        Validation best = null;
        for (Validation v : history) {
            if (best == null || v.ciderD() > best.ciderD()) {
                best = v;
            }
        }
        return best;
    }

    static double number(Map<String, Object> metrics, String key) {
        return metrics.get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    /** "BLEU-4 0.412 ROUGE-L ... CIDEr-D 1.234". */
    static String format(Map<String, Double> scores) {
        StringBuilder sb = new StringBuilder();
        scores.forEach(
                (k, v) ->
                        sb.append(sb.length() == 0 ? "" : " ")
                                .append(k)
                                .append(' ')
                                .append(String.format(Locale.ROOT, "%.3f", v)));
        return sb.toString();
    }

    private static double round(double x) {
        return Math.round(x * 1e4) / 1e4;
    }
}
