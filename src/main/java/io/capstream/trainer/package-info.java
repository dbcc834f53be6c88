/**
 * The training consumer ({@code capstream trainer}): reads the labeled topics with a plain
 * read_committed {@link org.apache.kafka.clients.consumer.KafkaConsumer}, keeps a bounded replay
 * window per model, fine-tunes the model store's current checkpoint in rounds with the offline
 * {@link io.capstream.training.Trainer}, validates on a held-out slice chosen by a hash of the
 * event id, and announces checkpoints that validate at least as well on {@code
 * capstream.model-updates}. Offsets are committed only after the checkpoint that used them is
 * durable. See {@code docs/training-loop.md}.
 */
package io.capstream.trainer;
