package io.capstream.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capstream.data.clevr.ClevrSemanticScorer;
import io.capstream.data.clevr.SemanticScore;
import io.capstream.data.toons.ToonSemanticReport;
import io.capstream.data.toons.ToonSemanticScorer;
import io.capstream.eval.CaptionFiles;
import io.capstream.eval.CaptionScorer;
import io.capstream.eval.Meteor;
import io.capstream.eval.Metric;
import io.capstream.eval.Scores;
import io.capstream.util.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code capstream eval}: COCO caption metrics (pycocoevalcap-compatible) for a set of hypotheses.
 *
 * <p>Contract other tools rely on: with {@code --json}, stdout carries exactly one JSON object
 * whose keys are {@code BLEU-1}..{@code BLEU-4}, {@code METEOR}, {@code ROUGE-L} and {@code
 * CIDEr-D} (fractions), plus {@code by_type} ({@code {type: {metric: value}}}) only when {@code
 * --by-type} is given; logs go to stderr. An id present in only one of the files, or bad JSON, is a
 * one-line error and exit code 2.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Scores hypothesis captions against reference captions with BLEU-1..4, METEOR,"
                    + " ROUGE-L and CIDEr-D, computed as pycocoevalcap does (PTB tokenization"
                    + " included).",
            "METEOR uses exact, stem and WordNet-synonym matching without METEOR 1.5's"
                    + " paraphrase table."
        })
public final class EvalCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--refs",
            required = true,
            paramLabel = "REFS.json",
            description = "References: {\"id\": [\"caption\", ...], ...}")
    Path refsFile;

    @Option(
            names = "--hyps",
            required = true,
            paramLabel = "HYPS.json",
            description = "Hypotheses: {\"id\": \"caption\", ...}")
    Path hypsFile;

    @Option(
            names = "--json",
            description = "Print one JSON object with the metric values instead of a table.")
    boolean json;

    @Option(
            names = "--by-type",
            paramLabel = "TYPES.json",
            description =
                    "Also score each type's images as their own corpus:"
                            + " {\"type\": [\"id\", ...]} (CLEVR-Change type_mapping.json)."
                            + " Images in no type form the type \"other\".")
    Path typesFile;

    @Override
    public Integer call() throws IOException {
        Map<String, List<String>> refs = CaptionFiles.readReferences(refsFile);
        Map<String, String> hyps = CaptionFiles.readHypotheses(hypsFile);
        CaptionScorer.checkIds(refs, hyps, refsFile.toString(), hypsFile.toString());
        Map<String, List<String>> types =
                typesFile == null ? null : CaptionFiles.readTypes(typesFile);

        CaptionScorer scorer = new CaptionScorer();
        Scores scores = scorer.score(refs, hyps);
        Map<String, Scores> byType = types == null ? null : scorer.scoreByType(refs, hyps, types);
        Map<String, Object> extra = extraResults(refs, hyps);

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(scores, byType, extra));
        } else {
            printTable(out, scores, byType, extra);
        }
        out.flush();
        return 0;
    }

    @Option(
            names = "--semantic",
            paramLabel = "GROUND_TRUTH.json",
            description =
                    "ground_truth.json written by 'capstream generate': parse each caption with the"
                            + " generator's grammar and report semantic accuracy (change type and"
                            + " attributes for clevr-change; character, colour, action, setting for"
                            + " toons). Unparseable captions count as wrong.")
    Path semantic;

    private String semanticText = "";

    /** Semantic accuracy under the key "semantic" (table text kept for the table output). */
    private Map<String, Object> extraResults(
            Map<String, List<String>> refs, Map<String, String> hyps) throws IOException {
        if (semantic == null) {
            return Map.of();
        }
        String kind;
        try {
            kind = new ObjectMapper().readTree(semantic.toFile()).path("kind").asText("");
        } catch (IOException e) {
            throw new UserInputException(semantic + ": not valid JSON: " + e.getMessage());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        switch (kind) {
            case "clevr-change":
                {
                    SemanticScore score = ClevrSemanticScorer.load(semantic).score(hyps);
                    semanticText = score.format();
                    result.put("kind", kind);
                    result.put("overall", breakdown(score.overall()));
                    Map<String, Object> byType = new LinkedHashMap<>();
                    score.byType().forEach((t, b) -> byType.put(t, breakdown(b)));
                    result.put("by_type", byType);
                    break;
                }
            case "toons":
                {
                    ToonSemanticReport report = ToonSemanticScorer.score(semantic, hyps);
                    semanticText = report.format();
                    result.put("kind", kind);
                    result.putAll(report.asMap());
                    break;
                }
            default:
                throw new UserInputException(
                        semantic
                                + ": \"kind\" is '"
                                + kind
                                + "', expected clevr-change or toons (a ground_truth.json written by"
                                + " capstream generate)");
        }
        return Map.of("semantic", result);
    }

    private static Map<String, Object> breakdown(SemanticScore.Breakdown b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("change_type", b.typeAccuracy());
        m.put("object", b.objectAccuracy());
        m.put("value", b.valueAccuracy());
        m.put("exact", b.exactAccuracy());
        return m;
    }

    String toJson(Scores scores, Map<String, Scores> byType, Map<String, Object> extra)
            throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>(scores.corpusByLabel());
        if (byType != null) {
            Map<String, Object> types = new LinkedHashMap<>();
            byType.forEach((type, s) -> types.put(type, s.corpusByLabel()));
            root.put("by_type", types);
        }
        root.putAll(extra);
        return new ObjectMapper().writeValueAsString(root);
    }

    private void printTable(
            PrintWriter out, Scores scores, Map<String, Scores> byType, Map<String, Object> extra) {
        out.printf(Locale.ROOT, "%d images%n", scores.ids().size());
        out.printf(Locale.ROOT, "%-8s %8s%n", "metric", "score");
        for (Metric m : Metric.values()) {
            out.printf(Locale.ROOT, "%-8s %8.4f%n", m.label(), scores.corpus(m));
        }
        if (!semanticText.isEmpty()) {
            out.println();
            out.println("semantic accuracy (" + semantic + ")");
            out.print(semanticText.endsWith("\n") ? semanticText : semanticText + "\n");
        }
        if (byType != null) {
            out.println();
            out.printf(Locale.ROOT, "%-12s %7s", "type", "images");
            for (Metric m : Metric.values()) {
                out.printf(Locale.ROOT, " %8s", m.label());
            }
            out.println();
            byType.forEach(
                    (type, s) -> {
                        out.printf(Locale.ROOT, "%-12s %7d", type, s.ids().size());
                        for (Metric m : Metric.values()) {
                            out.printf(Locale.ROOT, " %8.4f", s.corpus(m));
                        }
                        out.println();
                    });
        }
        out.println();
        out.println(
                "Scores are fractions computed as pycocoevalcap does; " + Meteor.DESCRIPTION + ".");
    }
}
