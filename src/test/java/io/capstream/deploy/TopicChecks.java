package io.capstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.deploy.YamlDocs.Doc;
import io.capstream.schema.TopicSpec;
import io.capstream.schema.Topics;
import io.capstream.schema.registry.RestSchemaRegistryClient;
import io.capstream.worker.WorkerStreamsConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.StreamsConfig;

/** Checks of the Kafka side (topics, broker limits, KEDA) against the code's own descriptors. */
final class TopicChecks {
    private TopicChecks() {}

    /** The topics capstream creates with these settings (the registry is not contacted). */
    static Topics topics(CapstreamConfig cfg) {
        String url = cfg.get(ConfigKeys.REGISTRY_URL);
        return Topics.builder()
                .setRegistry(
                        RestSchemaRegistryClient.builder()
                                .setUrl(url.isEmpty() ? "http://embedded.invalid" : url)
                                .build())
                .optPrefix(cfg.get(ConfigKeys.TOPIC_PREFIX))
                .optPartitions(cfg.get(ConfigKeys.TOPIC_PARTITIONS))
                .optReplicationFactor(cfg.get(ConfigKeys.TOPIC_REPLICATION))
                .optMaxMessageBytes(cfg.get(ConfigKeys.MAX_MESSAGE_BYTES))
                .build();
    }

    /** The worker's consumer group: the application.id its Streams configuration ends up with. */
    static String workerGroup(CapstreamConfig cfg) {
        return (String)
                WorkerStreamsConfig.build(
                                cfg,
                                cfg.get(ConfigKeys.BOOTSTRAP_SERVERS),
                                WorkerStreamsConfig.applicationId(cfg),
                                Path.of("state"))
                        .get(StreamsConfig.APPLICATION_ID_CONFIG);
    }

    /**
     * One Strimzi KafkaTopic per topic of {@link Topics#all()}, none other under the prefix, each
     * with the partitions, replicas and every config of its {@link TopicSpec} (more configs, such
     * as retention, are allowed).
     */
    static List<String> kafkaTopics(List<Doc> docs, Topics topics, String prefix) {
        Map<String, TopicSpec<?, ?>> expected = new LinkedHashMap<>();
        topics.all().forEach(t -> expected.put(t.name(), t));
        List<String> problems = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        for (Doc d : docs) {
            if (!d.kind().equals("KafkaTopic")) {
                continue;
            }
            JsonNode spec = d.node().path("spec");
            String name = spec.path("topicName").asText(d.name());
            declared.add(name);
            TopicSpec<?, ?> t = expected.get(name);
            if (t == null) {
                if (name.startsWith(prefix)) {
                    problems.add(d.where() + ": topic " + name + " is not in Topics.all()");
                }
                continue;
            }
            compare(problems, d.where(), "partitions", t.partitions(), spec.path("partitions"));
            compare(problems, d.where(), "replicas", t.replicationFactor(), spec.path("replicas"));
            t.configs()
                    .forEach(
                            (k, v) ->
                                    compare(
                                            problems,
                                            d.where(),
                                            k,
                                            v,
                                            spec.path("config").path(k)));
        }
        expected.keySet().stream()
                .filter(n -> !declared.contains(n))
                .forEach(n -> problems.add("no KafkaTopic for topic " + n));
        return problems;
    }

    private static void compare(
            List<String> problems, String where, String what, Object expected, JsonNode actual) {
        if (!actual.asText("").equals(String.valueOf(expected))) {
            problems.add(
                    where
                            + ": "
                            + what
                            + " is "
                            + (actual.isMissingNode() ? "missing" : actual.asText())
                            + ", the code creates it with "
                            + expected);
        }
    }

    /**
     * The broker must accept the largest record of any topic: Strimzi {@code Kafka} config or the
     * compose broker's {@code KAFKA_MESSAGE_MAX_BYTES}.
     */
    static List<String> brokerMessageSize(List<Doc> docs, List<Container> containers, Topics t) {
        int largest = t.all().stream().mapToInt(s -> s.maxMessageBytes().orElse(0)).max().orElse(0);
        List<String> problems = new ArrayList<>();
        for (Doc d : docs) {
            if (d.kind().equals("Kafka")) {
                JsonNode v = d.node().path("spec").path("kafka").path("config");
                atLeast(problems, d.where(), v.path("message.max.bytes").asText(""), largest);
            }
        }
        for (Container c : containers) {
            if (c.image().startsWith("apache/kafka")) {
                atLeast(
                        problems,
                        c.where(),
                        c.env().getOrDefault("KAFKA_MESSAGE_MAX_BYTES", ""),
                        largest);
            }
        }
        return problems;
    }

    private static void atLeast(List<String> problems, String where, String value, int min) {
        if (value.isEmpty() || Long.parseLong(value) < min) {
            problems.add(
                    where
                            + ": broker message.max.bytes is "
                            + (value.isEmpty() ? "the default (1 MiB)" : value)
                            + ", topics carry records up to "
                            + min);
        }
    }

    /**
     * Every KEDA kafka trigger must watch the worker's consumer group on one of its input topics
     * (images, image pairs), through the configured bootstrap servers, and each input topic must
     * have a trigger.
     */
    static List<String> keda(List<Doc> docs, CapstreamConfig cfg) {
        Topics t = topics(cfg);
        Set<String> inputs = Set.of(t.images().name(), t.imagePairs().name());
        String group = workerGroup(cfg);
        List<String> problems = new ArrayList<>();
        Set<String> watched = new LinkedHashSet<>();
        for (Doc d : docs) {
            if (!d.kind().equals("ScaledObject")) {
                continue;
            }
            for (JsonNode trigger : d.node().path("spec").path("triggers")) {
                if (!trigger.path("type").asText().equals("kafka")) {
                    continue;
                }
                JsonNode m = trigger.path("metadata");
                String topic = m.path("topic").asText();
                watched.add(topic);
                if (!m.path("consumerGroup").asText().equals(group)) {
                    problems.add(
                            d.where()
                                    + ": consumerGroup "
                                    + m.path("consumerGroup").asText()
                                    + " is not the worker's application.id "
                                    + group);
                }
                if (!inputs.contains(topic)) {
                    problems.add(
                            d.where() + ": topic " + topic + " is not a worker input " + inputs);
                }
                String servers = m.path("bootstrapServers").asText();
                if (!servers.equals(cfg.get(ConfigKeys.BOOTSTRAP_SERVERS))) {
                    problems.add(
                            d.where()
                                    + ": bootstrapServers "
                                    + servers
                                    + " differ from the workers' "
                                    + cfg.get(ConfigKeys.BOOTSTRAP_SERVERS));
                }
            }
        }
        inputs.stream()
                .filter(i -> !watched.contains(i))
                .sorted()
                .forEach(i -> problems.add("no KEDA kafka trigger watches " + i));
        return problems;
    }
}
