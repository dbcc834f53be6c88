/** Information-bottleneck pieces: VIB heads, Gaussian KL, InfoNCE and the CLUB upper bound. */
package io.capstream.model.bottleneck;
