package io.capstream.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;

/**
 * The reference for "achieved GFLOP/s": a large square float32 matrix product on the same engine,
 * device and thread settings as the model, timed like any other cell. Its rate is what the BLAS
 * kernel reaches on this machine; a model's cells reach a fraction of it (small matrices,
 * element-wise work, framework overhead per op).
 *
 * @param size n of the n×n product
 * @param timings per-product wall-clock times
 */
public record MatmulPeak(int size, Timings timings) {

    /** FLOPs of one n×n by n×n product, 2n³. */
    public double flops() {
        return 2.0 * size * size * size;
    }

    /** GFLOP/s at the median time. */
    public double gflops() {
        return flops() / (timings.median() / 1e3) / 1e9;
    }

    /**
     * Measures.
     *
     * @param manager where the operands live (its device is the one measured)
     * @param size n (e.g. 1024)
     * @param budget repetitions and time cap
     * @return the measurement
     */
    public static MatmulPeak measure(NDManager manager, int size, CellBudget budget) {
        if (size < 1) {
            throw new IllegalArgumentException("matmul size " + size + " < 1");
        }
        try (NDManager m = manager.newSubManager()) {
            NDArray a = m.randomUniform(-1f, 1f, new Shape(size, size)); // (n, n)
            NDArray b = m.randomUniform(-1f, 1f, new Shape(size, size)); // (n, n)
            Timings t =
                    budget.time(
                            () -> {
                                try (NDArray c = a.matMul(b)) { // (n, n)
                                    return c.getFloat(0, 0); // waits for an asynchronous device
                                }
                            },
                            new ArrayList<>());
            return new MatmulPeak(size, t);
        }
    }
}
