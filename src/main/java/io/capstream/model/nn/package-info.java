/** Building blocks: pre-LN Transformer layers and stacks, embeddings, masks, batch scopes. */
package io.capstream.model.nn;
