package io.capstream.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * A learned position embedding P (N, d) added to a sequence of exactly N tokens: {@code x + P}.
 * Initialised N(0, 0.02²) as in GPT-2.
 */
public final class PositionEmbedding extends AbstractBlock {
    private final int length;
    private final Parameter table;

    /**
     * @param length the sequence length N
     * @param dim the width d
     */
    public PositionEmbedding(int length, int dim) {
        this.length = length;
        table =
                addParameter(
                        Parameter.builder()
                                .setName("position")
                                .setType(Parameter.Type.WEIGHT)
                                .optShape(new Shape(length, dim))
                                .optInitializer(new NormalInitializer(0.02f))
                                .build());
    }

    /**
     * @param ps the parameter store
     * @param x (B, N, d)
     * @param training training mode
     * @return x + P, (B, N, d)
     */
    public NDArray forward(ParameterStore ps, NDArray x, boolean training) {
        if (x.getShape().get(1) != length) {
            throw new IllegalArgumentException(
                    "sequence of " + x.getShape().get(1) + " tokens, position table has " + length);
        }
        return x.add(ps.getValue(table, x.getDevice(), training)); // (B, N, d) + (N, d)
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.head(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
