package io.capstream.model.bottleneck;

import ai.djl.ndarray.NDArray;

/**
 * A diagonal Gaussian posterior N(μ, diag(exp(log σ²))) and the representation z used downstream (a
 * reparameterised sample in training, μ at inference).
 *
 * @param mean μ (..., d)
 * @param logVariance log σ² (..., d)
 * @param sample z (..., d)
 */
public record Gaussian(NDArray mean, NDArray logVariance, NDArray sample) {}
