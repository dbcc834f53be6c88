package io.capstream.bench;

import io.capstream.bench.SpeedCell.Decoding;
import io.capstream.model.ModelConfig;
import java.util.Locale;
import java.util.Optional;

/** Renders speed results as tables: every number next to the machine and weights it came from. */
public final class SpeedReport {
    private final MachineInfo machine;
    private final boolean markdown;

    /**
     * @param machine where the run happened
     * @param markdown GitHub markdown (else aligned plain text)
     */
    public SpeedReport(MachineInfo machine, boolean markdown) {
        this.machine = machine;
        this.markdown = markdown;
    }

    /** The line naming the machine. */
    public String header() {
        return "machine: " + machine.describe() + "\n";
    }

    /**
     * The three tables of one model.
     *
     * @param task the model name (decider, iba-cd)
     * @param r its results
     * @param before the matmul reference timed just before the model's cells
     * @param after the matmul reference timed just after them
     * @return the text
     */
    public String render(String task, SpeedResult r, MatmulPeak before, MatmulPeak after) {
        MatmulPeak peak = before.gflops() >= after.gflops() ? before : after;
        ModelConfig c = r.config();
        StringBuilder out = new StringBuilder();
        out.append(heading(2, "bench speed: " + task));
        out.append(
                String.format(
                        Locale.ROOT,
                        "model: d=%d, %d heads, FFN %d, layers vision/pair/denoiser %d/%d/%d,"
                                + " %d×%d images → %d tokens, L=%d, e=%d, V=%d, %d diffusion"
                                + " stage(s), config steps S=%d, beam width %d%n",
                        c.modelDim(),
                        c.heads(),
                        c.feedForwardDim(),
                        c.visionLayers(),
                        c.pairLayers(),
                        c.denoiserLayers(),
                        c.imageSize(),
                        c.imageSize(),
                        c.visualTokens(),
                        c.maxLength(),
                        c.embedDim(),
                        r.vocabularySize(),
                        c.stages(),
                        c.sampleSteps(),
                        c.beamWidth()));
        out.append("weights: diffusion: ")
                .append(r.diffusionWeights())
                .append("; autoregressive: ")
                .append(r.autoregressiveWeights())
                .append('\n');
        out.append(
                String.format(
                        Locale.ROOT,
                        "matmul peak (%d×%d float32, median of %d): %.1f GFLOP/s before and"
                                + " %.1f GFLOP/s after these cells; %% of peak uses the higher%n%n",
                        peak.size(),
                        peak.size(),
                        peak.timings().repetitions(),
                        before.gflops(),
                        after.gflops()));
        out.append(cellTable(r, peak)).append('\n');
        out.append(heading(3, "captions/s: diffusion vs the autoregressive baseline"));
        out.append(ratioTable(r)).append('\n');
        int stepsBatch = r.stepCells().isEmpty() ? 0 : r.stepCells().get(0).batch();
        out.append(heading(3, "diffusion vs sampling steps (batch " + stepsBatch + ")"));
        out.append(stepsTable(r, peak)).append('\n');
        out.append(notes(r));
        return out.toString();
    }

    private String heading(int level, String text) {
        return (markdown ? "#".repeat(level) + " " + text : text) + "\n\n";
    }

    private String cellTable(SpeedResult r, MatmulPeak peak) {
        Table t =
                new Table(
                        "batch",
                        "generator",
                        "decoding",
                        "captions/s",
                        "ms/batch p50",
                        "ms/batch p90",
                        "reps",
                        "words/caption",
                        "decoder calls",
                        "GFLOP/caption",
                        "GFLOP/s",
                        "% of matmul peak");
        for (int batch : r.cells().stream().map(SpeedCell::batch).distinct().toList()) {
            for (SpeedCell cell : r.cells()) {
                if (cell.batch() == batch) {
                    t.row(
                            batch,
                            cell.decoding() == Decoding.DIFFUSION ? "diffusion" : "autoregressive",
                            decoding(cell, r.config()),
                            f1(cell.captionsPerSecond()),
                            f1(cell.timings().median()),
                            f1(cell.timings().p90()),
                            cell.timings().repetitions(),
                            f1(cell.meanWords()),
                            f1(cell.decodeSteps()),
                            f3(cell.flopsPerCaption() / 1e9),
                            f1(cell.gflops()),
                            f1(100 * cell.gflops() / peak.gflops()));
                }
            }
        }
        return t.render(markdown);
    }

    private static String decoding(SpeedCell cell, ModelConfig c) {
        switch (cell.decoding()) {
            case DIFFUSION:
                return "DDIM S="
                        + cell.steps()
                        + (c.stages() > 1 ? " × " + c.stages() + " stages" : "");
            case GREEDY:
                return "greedy";
            default:
                return "beam k=" + c.beamWidth();
        }
    }

    private String ratioTable(SpeedResult r) {
        boolean beam = r.cells().stream().anyMatch(c -> c.decoding() == Decoding.BEAM);
        Table t =
                beam
                        ? new Table(
                                "batch",
                                "diffusion",
                                "AR greedy",
                                "AR beam",
                                "diffusion ÷ greedy",
                                "diffusion ÷ beam")
                        : new Table("batch", "diffusion", "AR greedy", "diffusion ÷ greedy");
        for (int batch : r.cells().stream().map(SpeedCell::batch).distinct().toList()) {
            double d = rate(r, Decoding.DIFFUSION, batch).orElse(Double.NaN);
            double g = rate(r, Decoding.GREEDY, batch).orElse(Double.NaN);
            if (beam) {
                double k = rate(r, Decoding.BEAM, batch).orElse(Double.NaN);
                t.row(batch, f1(d), f1(g), f1(k), times(d / g), times(d / k));
            } else {
                t.row(batch, f1(d), f1(g), times(d / g));
            }
        }
        return t.render(markdown);
    }

    private static Optional<Double> rate(SpeedResult r, Decoding decoding, int batch) {
        return r.cells().stream()
                .filter(c -> c.decoding() == decoding && c.batch() == batch)
                .map(SpeedCell::captionsPerSecond)
                .findFirst();
    }

    private String stepsTable(SpeedResult r, MatmulPeak peak) {
        double greedy = r.stepsReference().captionsPerSecond();
        Table t =
                new Table(
                        "steps S",
                        "captions/s",
                        "ms/batch p50",
                        "ms/batch p90",
                        "reps",
                        "GFLOP/caption",
                        "GFLOP/s",
                        "% of matmul peak",
                        "÷ AR greedy (" + f1(greedy) + "/s)");
        for (SpeedCell cell : r.stepCells()) {
            t.row(
                    cell.steps(),
                    f1(cell.captionsPerSecond()),
                    f1(cell.timings().median()),
                    f1(cell.timings().p90()),
                    cell.timings().repetitions(),
                    f3(cell.flopsPerCaption() / 1e9),
                    f1(cell.gflops()),
                    f1(100 * cell.gflops() / peak.gflops()),
                    times(cell.captionsPerSecond() / greedy));
        }
        return t.render(markdown);
    }

    private String notes(SpeedResult r) {
        ModelConfig c = r.config();
        FlopCounter flops = new FlopCounter(c, r.vocabularySize());
        int l = c.maxLength();
        return "Notes: ms/batch are wall-clock medians and 90th percentiles over the timed"
                + " repetitions after warm-up, cells of one table section timed round-robin;"
                + " captions/s = batch / median. GFLOP counts only matrix products (FlopCounter:"
                + " Linear, convolutions, attention projections, QKᵀ and PV, softmax·E), so GFLOP/s"
                + " slightly understates the arithmetic. The autoregressive decoder re-runs all L = "
                + l
                + " positions at every call and stops only when every row of the batch has emitted"
                + " EOS (untrained weights rarely do, so they run all L calls); decoder calls ="
                + " min(L, longest caption + 1), exact for greedy, a lower bound for beam. Greedy"
                + " decoding of "
                + l
                + " words costs "
                + f3(flops.autoregressivePerCaption(1, l) / 1e9)
                + " GFLOP/caption this way; a decoder fed only the causal prefix would need "
                + f3(flops.autoregressivePrefixPerCaption(1, l) / 1e9)
                + ".\n";
    }

    private static String f1(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "n/a";
    }

    private static String f2(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "n/a";
    }

    private static String times(double ratio) {
        return Double.isFinite(ratio) ? f2(ratio) + "×" : "n/a";
    }

    /** Three significant digits: GFLOP per caption spans tiny test models to the GPU preset. */
    private static String f3(double v) {
        return v >= 100
                ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
