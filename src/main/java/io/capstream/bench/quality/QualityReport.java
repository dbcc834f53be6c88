package io.capstream.bench.quality;

import io.capstream.bench.Table;
import io.capstream.eval.Metric;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Renders quality results as tables (scores as percentages, like the papers' tables). */
public final class QualityReport {
    private static final List<Metric> METRICS =
            List.of(Metric.BLEU_4, Metric.METEOR, Metric.ROUGE_L, Metric.CIDER_D);

    private final boolean markdown;

    /**
     * @param markdown GitHub markdown (else aligned plain text)
     */
    public QualityReport(boolean markdown) {
        this.markdown = markdown;
    }

    /**
     * The tables of one dataset.
     *
     * @param r its results
     * @return the text
     */
    public String render(QualityResult r) {
        StringBuilder out = new StringBuilder();
        out.append(heading(2, "bench quality: " + r.model()));
        out.append(
                String.format(
                        Locale.ROOT,
                        "dataset %s, %d test samples; every variant trained for %d steps with the"
                                + " same config apart from its own keys%n%n",
                        r.dataset(),
                        r.testSamples(),
                        r.steps()));
        out.append(variantTable(r)).append('\n');
        String byType = typeTable(r);
        if (!byType.isEmpty()) {
            out.append(heading(3, "CIDEr-D per change type"));
            out.append(byType).append('\n');
        }
        if (!r.samplingSweep().isEmpty()) {
            out.append(heading(3, "diffusion quality vs sampling steps"));
            out.append(sweepTable(r)).append('\n');
        }
        out.append(
                "Scores ×100 (pycocoevalcap-compatible; METEOR without the paraphrase table)."
                        + " Semantic: captions parsed back with the generator's grammar, unparseable"
                        + " = wrong (clevr-change: type, object and new value all right; toons:"
                        + " whole scene right).\n");
        return out.toString();
    }

    private String heading(int level, String text) {
        return (markdown ? "#".repeat(level) + " " + text : text) + "\n\n";
    }

    private List<String> metricHeaders(String first, String... more) {
        List<String> h = new ArrayList<>(List.of(first));
        h.addAll(List.of(more));
        for (Metric m : METRICS) {
            h.add(m.label());
        }
        h.add("semantic");
        return h;
    }

    private void addScores(List<Object> row, CaptionQuality q) {
        for (Metric m : METRICS) {
            row.add(pct(q.metric(m)));
        }
        row.add(q.semantic().map(s -> pct(s.headline())).orElse("n/a"));
    }

    private String variantTable(QualityResult r) {
        List<String> h = metricHeaders("variant", "what it tests");
        h.add("train s");
        h.add("caption s");
        Table t = new Table(h.toArray(String[]::new));
        for (QualityResult.VariantQuality v : r.variants()) {
            List<Object> row =
                    new ArrayList<>(List.of(v.variant().name(), v.variant().description()));
            addScores(row, v.quality());
            row.add(Double.isFinite(v.trainSeconds()) ? f0(v.trainSeconds()) : "reused");
            row.add(f1(v.quality().captionSeconds()));
            t.row(row.toArray());
        }
        return t.render(markdown);
    }

    private String typeTable(QualityResult r) {
        Set<String> types = new LinkedHashSet<>();
        r.variants().forEach(v -> types.addAll(v.quality().ciderByType().keySet()));
        if (types.isEmpty()) {
            return "";
        }
        List<String> h = new ArrayList<>(List.of("variant"));
        h.addAll(types);
        Table t = new Table(h.toArray(String[]::new));
        for (QualityResult.VariantQuality v : r.variants()) {
            List<Object> row = new ArrayList<>(List.of(v.variant().name()));
            for (String type : types) {
                Double c = v.quality().ciderByType().get(type);
                row.add(c == null ? "n/a" : pct(c));
            }
            t.row(row.toArray());
        }
        return t.render(markdown);
    }

    private String sweepTable(QualityResult r) {
        List<String> h = metricHeaders("steps S");
        h.add("caption s");
        Table t = new Table(h.toArray(String[]::new));
        for (QualityResult.StepsQuality s : r.samplingSweep()) {
            List<Object> row = new ArrayList<>(List.of(s.steps()));
            addScores(row, s.quality());
            row.add(f1(s.quality().captionSeconds()));
            t.row(row.toArray());
        }
        return t.render(markdown);
    }

    private static String pct(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", 100 * v) : "n/a";
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
