package io.capstream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.config.ConfigLoader;
import io.capstream.deploy.YamlDocs.Doc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parses every YAML file under docker/ and deploy/ and checks it against the code: topics,
 * configuration keys, image names, CLI subcommands, KEDA's consumer group, the kustomization and
 * the image layout. The second half feeds each check a small wrong document to show it catches it.
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static List<Doc> compose;
    private static List<Doc> kube;
    private static List<Container> composeContainers;
    private static List<Container> kubeContainers;
    private static String version;

    @BeforeAll
    static void load() throws Exception {
        compose = composeProjects();
        kube = docs("deploy");
        composeContainers = Container.of(compose);
        kubeContainers = Container.of(kube);
        version =
                DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(ROOT.resolve("pom.xml").toFile())
                        .getDocumentElement()
                        .getElementsByTagName("version")
                        .item(0)
                        .getTextContent()
                        .trim();
    }

    @Test
    void shouldDeclareEveryTopicOfTheCodeWhenKafkaTopicsAreApplied() {
        CapstreamConfig cfg = workerConfig(kubeContainers);
        assertEquals(
                List.of(),
                TopicChecks.kafkaTopics(
                        kube, TopicChecks.topics(cfg), cfg.get(ConfigKeys.TOPIC_PREFIX)));
        assertEquals(8, kube.stream().filter(d -> d.kind().equals("KafkaTopic")).count());
    }

    @Test
    void shouldAcceptLargestImageRecordWhenBrokersAreConfigured() {
        List<String> problems = new ArrayList<>();
        problems.addAll(
                TopicChecks.brokerMessageSize(
                        kube, kubeContainers, TopicChecks.topics(workerConfig(kubeContainers))));
        problems.addAll(
                TopicChecks.brokerMessageSize(
                        compose,
                        composeContainers,
                        TopicChecks.topics(workerConfig(composeContainers))));
        assertEquals(List.of(), problems);
    }

    @Test
    void shouldMapEveryCapstreamVariableToConfigKeyWhenFilesSetOne() {
        List<String> problems = new ArrayList<>();
        problems.addAll(ContainerChecks.environment(compose, composeContainers));
        problems.addAll(ContainerChecks.environment(kube, kubeContainers));
        assertEquals(List.of(), problems);
        long set =
                Stream.concat(composeContainers.stream(), kubeContainers.stream())
                        .flatMap(c -> c.envNames().stream())
                        .filter(n -> n.startsWith(ConfigLoader.ENV_PREFIX))
                        .count();
        assertTrue(set > 20, "too few CAPSTREAM_ variables found: " + set);
    }

    @Test
    void shouldNameOneAppImageWhenFilesAndDocsReferToIt() throws IOException {
        List<String> problems = new ArrayList<>();
        problems.addAll(ContainerChecks.images(composeContainers, version));
        problems.addAll(ContainerChecks.images(kubeContainers, version));
        for (Path f : files("docker", "deploy")) {
            problems.addAll(LayoutChecks.imageMentions(rel(f), read(f), version));
        }
        assertEquals(List.of(), problems);
        assertTrue(kubeContainers.stream().anyMatch(ContainerChecks::isApp));
    }

    @Test
    void shouldRunExistingSubcommandsWhenContainersStartCapstream() {
        List<String> problems = new ArrayList<>();
        problems.addAll(ContainerChecks.commands(composeContainers, CommandLines.PENDING));
        problems.addAll(ContainerChecks.commands(kubeContainers, CommandLines.PENDING));
        assertEquals(List.of(), problems);
    }

    @Test
    void shouldListOnlyUnmergedSubcommandsWhenPendingListIsKept() {
        for (String p : CommandLines.PENDING) {
            assertFalse(
                    CommandLines.resolves(List.of(p.split(" "))),
                    "'capstream "
                            + p
                            + "' exists now: delete it from CommandLines.PENDING so the files'"
                            + " use of it is checked");
        }
    }

    @Test
    void shouldScaleOnWorkerConsumerGroupWhenKedaWatchesLag() {
        assertEquals(List.of(), TopicChecks.keda(kube, workerConfig(kubeContainers)));
    }

    @Test
    void shouldListEveryManifestWhenKustomizationBuildsDeploy() throws IOException {
        Doc k = YamlDocs.load(ROOT, ROOT.resolve("deploy/kustomization.yaml")).get(0);
        Set<String> yaml = new TreeSet<>();
        for (Path f : files("deploy")) {
            if (f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")) {
                yaml.add(f.getFileName().toString());
            }
        }
        assertEquals(List.of(), LayoutChecks.kustomization(k, yaml));
    }

    @Test
    void shouldShipModelsWhereModelStoreLooksWhenImagesAreBuilt() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> inImage = new TreeSet<>();
        for (String name : List.of("docker/Dockerfile", "docker/Dockerfile.cuda")) {
            String text = read(ROOT.resolve(name));
            problems.addAll(LayoutChecks.dockerfile(name, text));
            inImage.addAll(LayoutChecks.copyDestinations(text));
        }
        problems.addAll(LayoutChecks.entrypointOverrides(composeContainers, inImage));
        problems.addAll(LayoutChecks.entrypointOverrides(kubeContainers, inImage));
        assertEquals(List.of(), problems);
    }

    @Test
    void shouldUseConfluentCompatibleApiWhenRegistryIsApicurio() {
        for (List<Container> cs : List.of(composeContainers, kubeContainers)) {
            String url = workerConfig(cs).get(ConfigKeys.REGISTRY_URL);
            assertTrue(url.endsWith("/apis/ccompat/v7"), url);
        }
    }

    // ---- each check catches a wrong document

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
        List<String> produce = List.of("produce", "synthetic", "--kind", "pairs");
        assertEquals(List.of(), CommandLines.problems("w", produce, Set.of("produce synthetic")));
        assertContains(CommandLines.problems("w", produce, Set.of()), "'produce'");
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

    // ---- helpers

    private static CapstreamConfig workerConfig(List<Container> containers) {
        Container worker =
                containers.stream()
                        .filter(c -> ContainerChecks.isApp(c) && c.args().contains("worker"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no worker container"));
        return ConfigLoader.builder().optEnvironment(worker.env()).build();
    }

    /** docker/compose.yaml alone and with each override file (compose.*.yaml) applied. */
    private static List<Doc> composeProjects() throws IOException {
        List<Doc> out = new ArrayList<>();
        Doc base = null;
        List<Doc> overrides = new ArrayList<>();
        for (Doc d : docs("docker")) {
            if (d.source().startsWith("docker/compose.yaml")) {
                base = d;
            } else if (d.source().startsWith("docker/compose.")) {
                overrides.add(d);
            } else {
                out.add(d);
            }
        }
        assertTrue(base != null, "no docker/compose.yaml");
        out.add(base);
        for (Doc o : overrides) {
            out.add(YamlDocs.overlay(base, o));
        }
        assertFalse(overrides.isEmpty(), "no compose override file such as compose.gpu.yaml");
        return out;
    }

    private static List<Doc> docs(String folder) throws IOException {
        List<Doc> out = new ArrayList<>();
        for (Path f : files(folder)) {
            if (f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")) {
                out.addAll(YamlDocs.load(ROOT, f));
            }
        }
        return out;
    }

    private static List<Path> files(String... folders) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> s = Files.walk(ROOT.resolve(folder))) {
                s.filter(Files::isRegularFile).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static List<Doc> yaml(String text) {
        return YamlDocs.parse("test.yaml", null, text);
    }

    private static String read(Path f) throws IOException {
        return Files.readString(f, StandardCharsets.UTF_8);
    }

    private static String rel(Path f) {
        return ROOT.relativize(f).toString();
    }

    private static void assertContains(List<String> problems, String fragment) {
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(fragment)),
                "no problem mentions '" + fragment + "' in " + problems);
    }
}
