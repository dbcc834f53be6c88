package io.capstream.trainer;

import io.capstream.schema.TopicSpec;
import io.capstream.schema.avro.ModelUpdate;
import io.capstream.schema.avro.UpdateAction;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Announces a published checkpoint on {@code capstream.model-updates}, keyed by model name (the
 * topic is compacted: the latest update per model is what a new worker reads). {@link #publish}
 * returns only once the broker acknowledged the record, so the trainer commits offsets after an
 * announcement that is durable.
 */
final class UpdatePublisher {
    private final Producer<String, byte[]> producer;
    private final TopicSpec<String, ModelUpdate> topic;

    UpdatePublisher(Producer<String, byte[]> producer, TopicSpec<String, ModelUpdate> topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** The update announcing a newly trained checkpoint. */
    static ModelUpdate update(
            String model,
            int version,
            String checkpointUri,
            Map<String, Double> scores,
            Integer previousVersion,
            long trainedOnEvents,
            Instant now) {
        return ModelUpdate.newBuilder()
                .setModelName(model)
                .setVersion(version)
                .setCheckpointUri(checkpointUri)
                .setValidationScores(Map.copyOf(scores))
                .setCreatedAt(now)
                .setAction(UpdateAction.PUBLISH)
                .setPreviousVersion(previousVersion)
                .setTrainedOnEvents(trainedOnEvents)
                .build();
    }

    /**
     * Sends the update and waits for the acknowledgement.
     *
     * @throws KafkaException when it could not be written
     */
    void publish(ModelUpdate update) {
        String key = update.getModelName().toString();
        byte[] value = topic.valueSerde().serializer().serialize(topic.name(), update);
        try {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while announcing " + key, e);
        } catch (ExecutionException e) {
            throw new KafkaException(
                    "announcing "
                            + key
                            + " v"
                            + update.getVersion()
                            + " on "
                            + topic.name()
                            + " failed: "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
