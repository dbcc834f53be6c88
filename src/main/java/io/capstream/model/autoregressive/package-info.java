/** The autoregressive Transformer decoder baseline with greedy and beam search. */
package io.capstream.model.autoregressive;
