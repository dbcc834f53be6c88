/** Word-level vocabulary, caption tokenizer and the caption encoder of the alignment branch. */
package io.capstream.model.text;
