/**
 * The captioning models, pure DJL on PyTorch (no Kafka): IBA-CD ({@link
 * io.capstream.model.IbaCdModel}, one image → caption) and DECIDER ({@link
 * io.capstream.model.DeciderModel}, image pair → change caption), both behind {@link
 * io.capstream.model.CaptioningModel} and configured by {@link io.capstream.model.ModelConfig}.
 *
 * <p>Reading order: {@code nn} (pre-LN Transformer layer, embeddings, masks, scopes) → {@code
 * vision} (image and pair encoders) → {@code text} (vocabulary, caption encoder) → {@code
 * bottleneck} (VIB, InfoNCE, CLUB, Gaussian KL) → {@code diffusion} (schedule, denoiser, cascaded
 * generator, DDIM, contrastive diffusion) → {@code autoregressive} (the baseline) → the two model
 * files.
 *
 * <p>Shapes: B batch, N visual tokens per image (gridSize²), d model width, L caption length, e
 * diffusion embedding width, V vocabulary size, k contrastive projection width. Images are float32
 * (B, 3, H, H) in [0, 1]; captions are (B, L) ids with 0 = EOS/padding, 1 = UNK.
 *
 * <p>Memory: every call opens a per-batch {@link io.capstream.model.nn.BatchScope} under the
 * manager of its input arrays; inference closes it on return, training leaves it to the caller's
 * manager so autograd can still read the intermediates. Model code never uses {@code
 * NDArray.op(Number)} or keeps {@code manager.create(...)} arrays (see {@link
 * io.capstream.model.nn.Tensors} for the DJL garbage-collection hazard).
 */
package io.capstream.model;
