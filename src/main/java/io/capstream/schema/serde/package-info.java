/**
 * Kafka serdes for the generated Avro classes in the Confluent wire format: magic byte 0, the
 * 4-byte big-endian schema id, then the Avro binary encoding. Subjects follow Confluent's
 * TopicNameStrategy ({@code <topic>-value}, {@code <topic>-key}) and the configuration keys are
 * Confluent's, so {@code io.confluent.kafka.serializers.KafkaAvroSerializer} could replace these
 * classes by configuration alone. Records that cannot be read raise {@link
 * io.capstream.schema.serde.WireFormatException}.
 */
package io.capstream.schema.serde;
