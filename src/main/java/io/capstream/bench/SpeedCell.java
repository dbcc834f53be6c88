package io.capstream.bench;

/**
 * One measured configuration of the speed benchmark.
 *
 * @param decoding how captions were generated
 * @param batch B, captions per call
 * @param steps DDIM steps per stage (diffusion) or 0
 * @param timings ms per batch of the timed repetitions
 * @param meanWords mean caption length in words over the timed repetitions
 * @param decodeSteps mean decoder calls per batch (autoregressive: ≤ L; diffusion: stages·steps)
 * @param flopsPerCaption counted FLOPs per caption ({@link FlopCounter})
 */
public record SpeedCell(
        Decoding decoding,
        int batch,
        int steps,
        Timings timings,
        double meanWords,
        double decodeSteps,
        double flopsPerCaption) {

    /** How captions are generated. */
    public enum Decoding {
        /** The cascaded diffusion generator with DDIM sampling. */
        DIFFUSION("diffusion"),
        /** The autoregressive baseline, beam width 1. */
        GREEDY("AR greedy"),
        /** The autoregressive baseline with the config's beam width. */
        BEAM("AR beam");

        private final String label;

        Decoding(String label) {
            this.label = label;
        }

        /** Short name for tables. */
        public String label() {
            return label;
        }
    }

    /** Captions per second at the median batch time. */
    public double captionsPerSecond() {
        return batch / (timings.median() / 1e3);
    }

    /** Achieved GFLOP/s at the median batch time. */
    public double gflops() {
        return flopsPerCaption * captionsPerSecond() / 1e9;
    }
}
