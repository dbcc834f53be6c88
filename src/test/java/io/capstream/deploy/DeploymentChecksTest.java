package io.capstream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.config.CapstreamConfig;
import io.capstream.deploy.YamlDocs.Doc;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each check of {@link DeploymentFilesTest}, fed a small wrong document, reports it. */
class DeploymentChecksTest {
    private static String version;

    @BeforeAll
    static void load() throws Exception {
        version = RepoFiles.version();
    }

    @Test
    void shouldReportKafkaTopicWhenPartitionsOrConfigsDiffer() {
        List<Doc> wrong =
                yaml(
                        """
                        apiVersion: kafka.strimzi.io/v1
                        kind: KafkaTopic
                        metadata: {name: capstream.images}
                        spec:
                          partitions: 3
                          replicas: 1
                          config: {max.message.bytes: 1048576, compression.type: uncompressed}
                        ---
                        kind: KafkaTopic
                        metadata: {name: capstream.stale}
                        spec: {partitions: 4, replicas: 1}
                        """);
        List<String> problems =
                TopicChecks.kafkaTopics(
                        wrong, TopicChecks.topics(CapstreamConfig.defaults()), "capstream.");
        assertContains(problems, "partitions is 3, the code creates it with 4");
        assertContains(problems, "max.message.bytes is 1048576, the code creates it with 16777216");
        assertContains(problems, "cleanup.policy is missing");
        assertContains(problems, "topic capstream.stale is not in Topics.all()");
        assertContains(problems, "no KafkaTopic for topic capstream.model-updates");
    }

    @Test
    void shouldReportBrokerWhenMessageMaxBytesIsLeftAtDefault() {
        List<Doc> wrong = yaml("kind: Kafka\nmetadata: {name: k}\nspec: {kafka: {config: {}}}\n");
        assertContains(
                TopicChecks.brokerMessageSize(
                        wrong, List.of(), TopicChecks.topics(CapstreamConfig.defaults())),
                "message.max.bytes is the default");
    }

    @Test
    void shouldReportVariableWhenItSetsNoConfigKeyOrABadValue() {
        List<Doc> wrong =
                yaml(
                        """
                        services:
                          worker:
                            image: capstream/capstream:1
                            environment:
                              CAPSTREAM_JAVA_OPTS: -Xmx1g
                              CAPSTREAM_KAFKA_COMMON_SECURITY_PROTOCOL: SSL
                        ---
                        kind: ConfigMap
                        metadata: {name: c}
                        data: {CAPSTREAM_WORKER_MAX_BATCH_SIZ: "8"}
                        ---
                        kind: Deployment
                        metadata: {name: d}
                        spec:
                          template:
                            spec:
                              containers:
                                - name: w
                                  image: capstream/capstream:1
                                  envFrom: [{configMapRef: {name: c}}]
                                  env:
                                    - {name: CAPSTREAM_TOPIC_PARTITIONS, value: none}
                                    - name: CAPSTREAM_WORKER_ID
                                      valueFrom: {configMapKeyRef: {name: c, key: id}}
                        """);
        List<String> problems = ContainerChecks.environment(wrong, Container.of(wrong));
        assertContains(problems, "CAPSTREAM_JAVA_OPTS sets 'java.opts', which is neither");
        assertContains(problems, "CAPSTREAM_WORKER_MAX_BATCH_SIZ sets 'worker.max.batch.siz'");
        assertContains(problems, "'topic.partitions' (from environment variable");
        assertContains(problems, "configMapKeyRef c/id does not exist");
        assertFalse(
                problems.stream().anyMatch(p -> p.contains("SECURITY_PROTOCOL")), "" + problems);
    }

    @Test
    void shouldReportImageWhenTagIsOldOrGpuRunsCpuImage() {
        List<Doc> wrong =
                yaml(
                        """
                        kind: Deployment
                        metadata: {name: d}
                        spec:
                          template:
                            spec:
                              containers:
                                - name: w
                                  image: capstream/capstream:%s
                                  args: [worker]
                                  resources: {limits: {nvidia.com/gpu: 1}}
                                - name: x
                                  image: capstream/capstream:0.0.1
                        """
                                .formatted(version));
        List<String> problems = ContainerChecks.images(Container.of(wrong), version);
        assertContains(problems, "container w: asks for a GPU but runs capstream/capstream:");
        assertContains(problems, "container x: image capstream/capstream:0.0.1 is not one of");
        assertContains(
                LayoutChecks.imageMentions("README.md", "docker run capstream/capstream", version),
                "'capstream/capstream' is not tagged");
    }

    @Test
    void shouldReportCommandWhenSubcommandOrOptionIsUnknown() {
        List<String> typo = CommandLines.problems("w", List.of("wokrer"), CommandLines.PENDING);
        assertContains(typo, "Unmatched argument at index 0: 'wokrer'");
        List<String> option =
                CommandLines.problems(
                        "w", List.of("eval", "--no-such-option"), CommandLines.PENDING);
        assertContains(option, "--no-such-option");
        assertContains(CommandLines.problems("w", List.of("generate"), Set.of()), "command group");
        assertEquals(
                List.of(),
                CommandLines.problems(
                        "w",
                        List.of("generate", "toons", "--images", "3", "--out", "x"),
                        Set.of()));
        // The pending list is what admits a subcommand that is not merged yet.
        List<String> unmerged = List.of("relabel", "images", "--kind", "pairs");
        assertEquals(List.of(), CommandLines.problems("w", unmerged, Set.of("relabel images")));
        assertContains(CommandLines.problems("w", unmerged, Set.of()), "'relabel'");
    }

    @Test
    void shouldReportKedaTriggerWhenGroupIsNotWorkerApplicationId() {
        List<Doc> wrong =
                yaml(
                        """
                        kind: ScaledObject
                        metadata: {name: s}
                        spec:
                          triggers:
                            - type: kafka
                              metadata:
                                bootstrapServers: ""
                                consumerGroup: capstream-worker
                                topic: capstream.images
                        """);
        List<String> problems = TopicChecks.keda(wrong, CapstreamConfig.defaults());
        assertContains(
                problems,
                "consumerGroup capstream-worker is not the worker's application.id capstream.worker");
        assertContains(problems, "no KEDA kafka trigger watches capstream.image-pairs");
    }

    @Test
    void shouldReportKustomizationWhenFileIsMissingOrUnknown() {
        Doc k = yaml("resources: [a.yaml, gone.yaml]\n").get(0);
        List<String> problems = LayoutChecks.kustomization(k, Set.of("a.yaml", "b.yaml"));
        assertContains(problems, "does not list b.yaml");
        assertContains(problems, "lists gone.yaml, which is not in the folder");
    }

    @Test
    void shouldReportDockerfileWhenModelsAreNotWhereModelStoreLooks() {
        String flat =
                """
                COPY models/ /opt/capstream/models/
                ENTRYPOINT ["java", "-jar", "/opt/capstream/capstream.jar"]
                """;
        List<String> problems = LayoutChecks.dockerfile("Dockerfile", flat);
        assertContains(problems, "ENTRYPOINT lacks -Dai.djl.offline=true");
        assertContains(problems, "must be copied to /opt/models");
    }

    @Test
    void shouldRejectFileWhenKeyIsGivenTwice() {
        UncheckedIOException e =
                assertThrows(
                        UncheckedIOException.class,
                        () -> yaml("kind: ConfigMap\ndata: {}\ndata: {A: b}\n"));
        assertTrue(e.getCause().getMessage().contains("Duplicate field 'data'"), e.getMessage());
    }

    private static List<Doc> yaml(String text) {
        return YamlDocs.parse("test.yaml", null, text);
    }

    private static void assertContains(List<String> problems, String fragment) {
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(fragment)),
                "no problem mentions '" + fragment + "' in " + problems);
    }
}
