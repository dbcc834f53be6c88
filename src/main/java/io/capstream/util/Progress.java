package io.capstream.util;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar for long work (dataset generation, training, benchmarks) written to stderr.
 *
 * <p>On a terminal it redraws one line; otherwise (CI logs, pipes) it prints one line per 10% so
 * logs stay one line per event. Not thread-safe: one owner advances it.
 */
public final class Progress implements AutoCloseable {
    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean interactive;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastDrawNanos;
    private int lastDecile = -1;
    private String status = "";

    public Progress(String label, long total) {
        this(label, total, System.err, System.console() != null);
    }

    public Progress(String label, long total, PrintStream out, boolean interactive) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0, was " + total);
        }
        this.label = label;
        this.total = total;
        this.out = out;
        this.interactive = interactive;
    }

    /** Sets a short status shown after the counts, e.g. "loss 0.412". */
    public Progress status(String status) {
        this.status = status;
        return this;
    }

    public void step() {
        advance(1);
    }

    public void advance(long n) {
        done = Math.min(total, done + n);
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDrawNanos > 100_000_000L || done == total) {
                lastDrawNanos = now;
                out.print("\r" + line());
                out.flush();
            }
        } else {
            int decile = total == 0 ? 10 : (int) (done * 10 / total);
            if (decile != lastDecile) {
                lastDecile = decile;
                out.println(line());
            }
        }
    }

    public long done() {
        return done;
    }

    /** Seconds since the bar was created. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    String line() {
        int width = 30;
        int filled = total == 0 ? width : (int) (done * width / total);
        double secs = elapsedSeconds();
        double rate = secs > 0 ? done / secs : 0;
        String eta =
                rate > 0 && done < total
                        ? String.format(Locale.ROOT, " eta %.0fs", (total - done) / rate)
                        : "";
        return String.format(
                Locale.ROOT,
                "%s [%s%s] %d/%d %.1f/s%s%s",
                label,
                "#".repeat(filled),
                ".".repeat(width - filled),
                done,
                total,
                rate,
                eta,
                status.isEmpty() ? "" : " " + status);
    }

    @Override
    public void close() {
        if (interactive) {
            out.println();
        }
        out.flush();
    }
}
