package io.capstream.cli;

import io.capstream.config.CapstreamConfig;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.schema.ConfiguredTopics;
import io.capstream.schema.TopicAdmin;
import io.capstream.schema.TopicSpec;
import io.capstream.schema.avro.ModelUpdate;
import io.capstream.schema.avro.UpdateAction;
import io.capstream.util.UserInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/** The {@link ModelUpdate} that tells running workers to serve a checkpoint, and its publishing. */
final class ModelAnnouncement {
    private ModelAnnouncement() {}

    /**
     * A PROMOTE update for a checkpoint of a model store.
     *
     * @param checkpoint the checkpoint to serve (its directory becomes the {@code checkpointUri})
     * @param previousVersion the version served before, or null if none was
     * @param now the publication time
     */
    static ModelUpdate promotion(ModelCheckpoint checkpoint, Integer previousVersion, Instant now) {
        Object events = checkpoint.metrics().get("trainedOnEvents");
        return ModelUpdate.newBuilder()
                .setModelName(checkpoint.name())
                .setVersion(checkpoint.version())
                .setCheckpointUri(checkpoint.path().toAbsolutePath().normalize().toUri().toString())
                .setValidationScores(validationScores(checkpoint.metrics()))
                .setCreatedAt(now)
                .setAction(UpdateAction.PROMOTE)
                .setPreviousVersion(previousVersion)
                .setTrainedOnEvents(events instanceof Number n ? n.longValue() : 0L)
                .build();
    }

    /**
     * The held-out scores training recorded in {@code metrics.json}: those of the best validation
     * ({@code best.scores}), else of the last one ({@code validation[-1].scores}); empty if none.
     */
    static Map<String, Double> validationScores(Map<String, Object> metrics) {
        Object scores = null;
        if (metrics.get("best") instanceof Map<?, ?> best) {
            scores = best.get("scores");
        }
        if (scores == null
                && metrics.get("validation") instanceof List<?> runs
                && !runs.isEmpty()) {
            if (runs.get(runs.size() - 1) instanceof Map<?, ?> last) {
                scores = last.get("scores");
            }
        }
        Map<String, Double> out = new TreeMap<>();
        if (scores instanceof Map<?, ?> m) {
            m.forEach(
                    (k, v) -> {
                        if (v instanceof Number n) {
                            out.put(String.valueOf(k), n.doubleValue());
                        }
                    });
        }
        return out;
    }

    /**
     * Publishes an update to {@code capstream.model-updates} (created if missing), keyed by model
     * name, and waits for the broker's acknowledgement.
     *
     * @return where it was written
     * @throws UserInputException when the topic cannot be created or the record not written
     */
    static RecordMetadata publish(CapstreamConfig cfg, Cluster cluster, ModelUpdate update) {
        TopicSpec<String, ModelUpdate> topic =
                ConfiguredTopics.of(cfg, cluster.registry()).modelUpdates();
        Properties admin = cfg.kafkaProperties("admin");
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin a = Admin.create(admin)) {
            TopicAdmin.ensureTopics(a, List.of(topic));
        }
        Properties p = cfg.kafkaProperties("producer");
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // A repeated announcement is harmless (workers already serve that version), and an
        // idempotent producer can get stuck on a topic created a moment ago (KAFKA-14359).
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        try (KafkaProducer<String, ModelUpdate> producer =
                new KafkaProducer<>(p, new StringSerializer(), topic.valueSerde().serializer())) {
            return producer.send(new ProducerRecord<>(topic.name(), update.getModelName(), update))
                    .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            // KafkaException: e.g. the registry refused the schema while serialising.
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new UserInputException(
                    "cannot announce "
                            + update.getModelName()
                            + " v"
                            + update.getVersion()
                            + " on "
                            + topic.name()
                            + " at "
                            + cluster.bootstrapServers()
                            + ": "
                            + cause,
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("interrupted while announcing on " + topic.name(), e);
        }
    }
}
