package io.capstream.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.ParameterList;
import io.capstream.model.CaptioningModel;

/**
 * Exponential moving average of the weights, kept in a second model of the same architecture (its
 * parameters are the averages), so validation and the saved checkpoint use it directly:
 *
 * <pre>
 *   d_t = min(decay, (1 + t)/(10 + t))        warm-up: early averages follow the weights closely
 *   ē  ← ē + (1 − d_t)·(w − ē)
 * </pre>
 */
final class WeightAverage {
    private final CaptioningModel average;
    private final ParameterList source;
    private final ParameterList target;
    private final float decay;

    /**
     * @param model the trained model
     * @param average a model of the same config, initialised; its weights are overwritten
     * @param decay the decay (0 = the average is a copy of the weights)
     */
    WeightAverage(CaptioningModel model, CaptioningModel average, float decay) {
        this.average = average;
        this.source = model.getParameters();
        this.target = average.getParameters();
        this.decay = decay;
        if (source.size() != target.size()) {
            throw new IllegalArgumentException("the average has another architecture");
        }
    }

    /** Sets the average to the current weights. */
    void reset() {
        blend(0f);
    }

    /**
     * Moves the average towards the weights after an optimizer step.
     *
     * @param step the 0-based step just taken
     */
    void update(int step) {
        blend(Math.min(decay, (1f + step) / (10f + step)));
    }

    private void blend(float d) {
        NDManager owner = target.get(0).getValue().getArray().getManager();
        try (NDManager scratch = owner.newSubManager()) {
            NDArray keep = null;
            for (int i = 0; i < source.size(); i++) {
                NDArray w = source.get(i).getValue().getArray();
                NDArray e = target.get(i).getValue().getArray();
                if (keep == null) {
                    keep = scratch.full(new ai.djl.ndarray.types.Shape(), 1f - d, e.getDataType());
                }
                NDArray delta = w.sub(e); // (parameter shape), lands on w's manager
                delta.attach(scratch);
                NDArray step = delta.mul(keep);
                step.attach(scratch);
                e.addi(step);
            }
        }
    }

    /** The model holding the averaged weights. */
    CaptioningModel model() {
        return average;
    }
}
