package io.capstream.model.vision;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.capstream.model.ModelConfig;
import io.capstream.model.nn.Tensors;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns images (B, 3, H, H) with values in [0, 1] into a grid of g×g feature tokens (B, g², C).
 *
 * <ul>
 *   <li>conv: k = log2(H/g) stride-2 3×3 convolutions with ReLU between them, channels 32, 64, …
 *       (capped at d), the last one d — research/model.md §5.2 (64×64 → 4×4 with k = 4);
 *   <li>patch: one convolution with kernel = stride = H/g, as the ViT patch embedding.
 * </ul>
 */
public final class ImageStem extends AbstractBlock {
    private final List<Conv2d> convs = new ArrayList<>();
    private final int imageSize;

    /**
     * @param config image size, grid size, stem kind and d
     */
    public ImageStem(ModelConfig config) {
        imageSize = config.imageSize();
        int ratio = config.imageSize() / config.gridSize();
        int d = config.modelDim();
        if (config.visionStem() == ModelConfig.VisionStem.PATCH) {
            convs.add(addChildBlock("patch", conv(d, ratio, ratio, 0)));
        } else {
            int k = Integer.numberOfTrailingZeros(ratio);
            for (int i = 0; i < k; i++) {
                int channels = i == k - 1 ? d : Math.min(d, 32 << i);
                convs.add(addChildBlock("conv" + i, conv(channels, 3, 2, 1)));
            }
        }
    }

    private static Conv2d conv(int filters, int kernel, int stride, int padding) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .build();
    }

    /**
     * @param ps the parameter store
     * @param images (B, 3, H, H) in [0, 1]
     * @param training training mode
     * @return tokens (B, g², d)
     */
    public NDArray forward(ParameterStore ps, NDArray images, boolean training) {
        if (images.getShape().dimension() != 4
                || images.getShape().get(1) != 3
                || images.getShape().get(2) != imageSize
                || images.getShape().get(3) != imageSize) {
            throw new IllegalArgumentException(
                    "expected images (B, 3, "
                            + imageSize
                            + ", "
                            + imageSize
                            + "), got "
                            + images.getShape());
        }
        NDArray f = Tensors.shift(Tensors.scale(images, 2f), -1f); // (B, 3, H, H) in [−1, 1]
        for (int i = 0; i < convs.size(); i++) {
            f = convs.get(i).forward(ps, new NDList(f), training).head(); // (B, C_i, H/2^i, …)
            if (i < convs.size() - 1) {
                f = Activation.relu(f);
            }
        }
        long b = f.getShape().get(0);
        long c = f.getShape().get(1);
        return f.reshape(b, c, -1).transpose(0, 2, 1); // (B, g², d)
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.head(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        for (Conv2d conv : convs) {
            s = conv.getOutputShapes(new Shape[] {s})[0];
        }
        return new Shape[] {new Shape(s.get(0), s.get(2) * s.get(3), s.get(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        Shape s = shapes[0];
        for (Conv2d conv : convs) {
            conv.initialize(manager, dataType, s);
            s = conv.getOutputShapes(new Shape[] {s})[0];
        }
    }
}
