package io.capstream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Constants and scalar arithmetic whose memory PyTorch owns.
 *
 * <p>DJL 0.35.1's PyTorch engine backs {@code manager.create(javaArray)} with a direct buffer (on
 * CPU the tensor shares it), and {@code x.mul(2f)} creates such a scalar and closes it at once.
 * Autograd keeps the tensor for backward, but after the close a garbage collection frees the
 * buffer: gradients then read freed memory (measured: the gradient of {@code x.mul(3f)} came back
 * as 1.4e-45 instead of 3, and NaN gradients broke training at random). Model code therefore never
 * calls {@code NDArray.op(Number)} and never keeps a {@code create(...)} array: it uses these
 * helpers, which copy into native memory.
 */
public final class Tensors {
    private Tensors() {}

    /**
     * A native 0-d constant with the data type of {@code like}, on its manager.
     *
     * @param like an array whose manager, device and data type to use
     * @param value the constant
     * @return ()
     */
    public static NDArray scalar(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }

    /** x · c. */
    public static NDArray scale(NDArray x, float c) {
        return x.mul(scalar(x, c));
    }

    /** x + c. */
    public static NDArray shift(NDArray x, float c) {
        return x.add(scalar(x, c));
    }

    /**
     * A native copy of Java floats.
     *
     * @param manager where the copy lives
     * @param data the values
     * @param shape their shape
     * @return the array
     */
    public static NDArray floats(NDManager manager, float[] data, Shape shape) {
        try (NDArray borrowed = manager.create(data, shape)) {
            return borrowed.duplicate();
        }
    }

    /** A native copy of a Java float vector, shape (n). */
    public static NDArray floats(NDManager manager, float[] data) {
        return floats(manager, data, new Shape(data.length));
    }

    /**
     * A native int32 copy of rows of ids.
     *
     * @param manager where the copy lives
     * @param rows (B, L) ids, all rows of equal length
     * @return (B, L)
     */
    public static NDArray ints(NDManager manager, int[][] rows) {
        try (NDArray borrowed = manager.create(rows)) {
            return borrowed.duplicate();
        }
    }

    /** A native int32 copy of a Java int vector, shape (n). */
    public static NDArray ints(NDManager manager, int[] data) {
        try (NDArray borrowed = manager.create(data)) {
            return borrowed.duplicate();
        }
    }

    /** Splits a row-major flat array into b rows. */
    public static int[][] rows(int[] flat, int b) {
        int l = flat.length / b;
        int[][] out = new int[b][l];
        for (int i = 0; i < b; i++) {
            System.arraycopy(flat, i * l, out[i], 0, l);
        }
        return out;
    }

    /** Splits a row-major flat array into b rows. */
    public static float[][] rows(float[] flat, int b) {
        int l = flat.length / b;
        float[][] out = new float[b][l];
        for (int i = 0; i < b; i++) {
            System.arraycopy(flat, i * l, out[i], 0, l);
        }
        return out;
    }
}
