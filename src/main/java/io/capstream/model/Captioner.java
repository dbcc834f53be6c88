package io.capstream.model;

import java.util.List;

/**
 * A trained model that captions batches of images or image pairs. This is all the worker knows of
 * the models: it never sees DJL.
 *
 * <p>Thread-safety: implementations are safe to call from several threads; calls are serialised
 * internally (one model, one device), so a caller that wants throughput batches rather than calling
 * concurrently. Every native array of a call lives in a scope that is closed before the call
 * returns.
 */
public interface Captioner extends AutoCloseable {

    /** Name, version and input kind of the loaded model. */
    ModelInfo info();

    /**
     * Captions a batch. The result has one caption per input, in order; a batch of N gives the same
     * captions as N single calls.
     *
     * @throws IllegalArgumentException if an input does not fit the model (pair vs single, image
     *     size)
     */
    List<GeneratedCaption> caption(List<? extends CaptionInput> batch);

    /** Releases the model's native memory. */
    @Override
    void close();

    /**
     * @param name model name (iba-cd, decider, ...)
     * @param version checkpoint version
     * @param pairs true when the model takes {@link CaptionInput.Pair}s, false for {@link
     *     CaptionInput.Single}s
     * @param imageSize side of the square input images
     * @param device where it runs, e.g. "cpu()" or "gpu(0)"
     */
    record ModelInfo(String name, int version, boolean pairs, int imageSize, String device) {}
}
