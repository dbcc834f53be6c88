package io.capstream.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW (Loshchilov and Hutter) over one parameter group, with global gradient-norm clipping and
 * moments that can be saved and restored, so a resumed run continues exactly.
 *
 * <p>It runs the same fused engine op as DJL's {@code Optimizer.adamW()} ({@code
 * NDArrayEx.adamUpdate} with decoupled weight decay and bias-corrected learning rate) but keeps the
 * moments itself: DJL's optimizers hold them in private maps with no way to save them. The learning
 * rate comes from a DJL {@link Tracker} evaluated at the global step. Weight decay applies to
 * matrices and kernels only, not to biases and norm gains (1-d parameters).
 *
 * <pre>
 *   g ← g · min(1, clip / ‖g‖₂)              ‖·‖ over the whole group
 *   m ← β₁m + (1 − β₁)g;   v ← β₂v + (1 − β₂)g²
 *   w ← w − η_t·(√(1 − β₂ᵗ)/(1 − β₁ᵗ)·m/(√v + ε) + λ·w)
 * </pre>
 */
final class AdamW implements AutoCloseable {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final ParameterList params;
    private final Tracker learningRate;
    private final float weightDecay;
    private final float clipNorm;
    private final NDManager manager;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private float lastNorm;

    /**
     * @param params the group's parameters (initialised)
     * @param learningRate the learning rate by step
     * @param weightDecay λ
     * @param clipNorm global norm clip, 0 = off
     * @param parent the manager the moments live under (the model's)
     */
    AdamW(
            ParameterList params,
            Tracker learningRate,
            float weightDecay,
            float clipNorm,
            NDManager parent) {
        this.params = params;
        this.learningRate = learningRate;
        this.weightDecay = weightDecay;
        this.clipNorm = clipNorm;
        this.manager = parent.newSubManager();
        for (Pair<String, Parameter> p : params) {
            NDArray w = p.getValue().getArray();
            NDArray m = manager.zeros(w.getShape(), w.getDataType(), w.getDevice());
            NDArray v = manager.zeros(w.getShape(), w.getDataType(), w.getDevice());
            means.add(m);
            variances.add(v);
        }
    }

    /**
     * Applies one update from the gradients the last backward left on the parameters and clears
     * them.
     *
     * @param step the 0-based global step (for the schedule and bias correction)
     */
    void update(int step) {
        if (params.isEmpty()) {
            return;
        }
        int t = step + 1;
        float lr = learningRate.getNewValue(step);
        float corrected =
                (float) (lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t)));
        try (NDManager scratch = manager.newSubManager()) {
            List<NDArray> grads = new ArrayList<>(params.size());
            NDArray sumSquares = null;
            for (Pair<String, Parameter> p : params) {
                NDArray g = p.getValue().getArray().getGradient();
                g.attach(scratch);
                grads.add(g);
                NDArray s = g.square().sum(); // ()
                sumSquares = sumSquares == null ? s : sumSquares.add(s);
            }
            lastNorm = (float) Math.sqrt(sumSquares.getFloat());
            float rescale =
                    clipNorm > 0 && lastNorm > clipNorm ? clipNorm / (lastNorm + 1e-6f) : 1f;
            if (!Float.isFinite(lastNorm)) {
                throw new IllegalStateException(
                        "gradient norm is " + lastNorm + " at step " + step + "; lower the lr");
            }
            for (int i = 0; i < params.size(); i++) {
                NDArray w = params.get(i).getValue().getArray();
                float wd = w.getShape().dimension() > 1 ? weightDecay : 0f;
                w.getNDArrayInternal()
                        .adamUpdate(
                                new NDList(w, grads.get(i), means.get(i), variances.get(i)),
                                new NDList(w),
                                lr,
                                corrected,
                                wd,
                                rescale,
                                -1f, // no element-wise clip: the group norm is clipped above
                                BETA1,
                                BETA2,
                                EPSILON,
                                true,
                                true);
            }
        }
    }

    /** The gradient norm before clipping at the last update. */
    float lastGradientNorm() {
        return lastNorm;
    }

    /** The learning rate at a step. */
    float learningRate(int step) {
        return learningRate.getNewValue(step);
    }

    /** The moments (m then v for each parameter, in parameter order), for saving. */
    NDList state() {
        NDList out = new NDList();
        for (int i = 0; i < means.size(); i++) {
            out.add(means.get(i));
            out.add(variances.get(i));
        }
        return out;
    }

    /**
     * Restores moments saved by {@link #state()}.
     *
     * @param saved the arrays, in {@link #state()} order
     * @throws IllegalArgumentException if their count or shapes differ
     */
    void restore(List<NDArray> saved) {
        if (saved.size() != 2 * means.size()) {
            throw new IllegalArgumentException(
                    saved.size() + " optimizer arrays for " + means.size() + " parameters");
        }
        for (int i = 0; i < means.size(); i++) {
            copy(saved.get(2 * i), means, i);
            copy(saved.get(2 * i + 1), variances, i);
        }
    }

    private void copy(NDArray from, List<NDArray> into, int i) {
        NDArray old = into.get(i);
        if (!from.getShape().equals(old.getShape())) {
            throw new IllegalArgumentException(
                    "optimizer state "
                            + params.get(i).getKey()
                            + " has shape "
                            + from.getShape()
                            + ", parameter has "
                            + old.getShape());
        }
        NDArray copy = from.toDevice(old.getDevice(), true);
        copy.attach(manager);
        old.close();
        into.set(i, copy);
    }

    @Override
    public void close() {
        manager.close();
    }
}
