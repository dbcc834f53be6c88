package io.capstream.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.capstream.model.CaptioningModel;

/** Where a benchmarked model's parameters come from. */
public interface WeightSource {

    /** How the weights are described in a table header. */
    String describe();

    /**
     * Allocates the model's parameters on a manager and fills them.
     *
     * @param model a new model
     * @param manager the manager that will own the parameters
     */
    void load(CaptioningModel model, NDManager manager);

    /**
     * Fresh weights from the config's seed: every model built from the same config family gets the
     * same initial values, so a speed comparison never depends on which model was built first.
     */
    static WeightSource fresh() {
        return new WeightSource() {
            @Override
            public String describe() {
                return "fresh seeded weights (untrained)";
            }

            @Override
            public void load(CaptioningModel model, NDManager manager) {
                Engine.getInstance().setRandomSeed((int) model.config().seed());
                model.initialize(manager);
            }
        };
    }
}
