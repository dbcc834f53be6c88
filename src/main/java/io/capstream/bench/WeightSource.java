package io.capstream.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import io.capstream.model.CaptioningModel;
import io.capstream.model.ModelConfig;

/** Where a benchmarked model's parameters come from. */
public interface WeightSource {

    /** How the weights are described in a table header. */
    String describe();

    /**
     * Builds a model and gives it its parameters.
     *
     * @param config the config to build (inference-only keys such as sampleSteps may differ from
     *     the weights' own)
     * @param vocabularySize V
     * @param manager the manager that will own the parameters
     * @return the model, ready to caption
     */
    CaptioningModel build(ModelConfig config, int vocabularySize, NDManager manager);

    /**
     * Fresh weights from the config's seed: every model built from the same config family gets the
     * same initial values, so a speed comparison never depends on which model was built first.
     *
     * @param description how the table header names the weights
     * @return the source
     */
    static WeightSource fresh(String description) {
        return new WeightSource() {
            @Override
            public String describe() {
                return description;
            }

            @Override
            public CaptioningModel build(ModelConfig config, int vocabularySize, NDManager m) {
                Engine.getInstance().setRandomSeed((int) config.seed());
                CaptioningModel model = CaptioningModel.create(config, vocabularySize);
                model.initialize(m);
                return model;
            }
        };
    }
}
