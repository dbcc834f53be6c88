/**
 * Continuous-embedding text diffusion: noise schedule, denoiser, cascaded generator, DDIM sampler
 * and DECIDER's contrastive loss with adversarial samples.
 */
package io.capstream.model.diffusion;
