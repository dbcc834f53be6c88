/** Image encoders trained from scratch: conv/patch stem + Transformer, and the pair encoder. */
package io.capstream.model.vision;
