package io.capstream.deploy;

import static io.capstream.deploy.RepoFiles.ROOT;
import static io.capstream.deploy.RepoFiles.files;
import static io.capstream.deploy.RepoFiles.read;
import static io.capstream.deploy.RepoFiles.workerConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.config.ConfigLoader;
import io.capstream.deploy.YamlDocs.Doc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parses every YAML file under docker/ and deploy/ (compose with its overrides applied) and checks
 * it against the code: topics, configuration keys, image names, CLI subcommands, KEDA's consumer
 * group, the kustomization and the image layout. {@link DeploymentChecksTest} shows that each check
 * catches a wrong document.
 */
class DeploymentFilesTest {
    private static List<Doc> compose;
    private static List<Doc> kube;
    private static List<Container> composeContainers;
    private static List<Container> kubeContainers;
    private static String version;

    @BeforeAll
    static void load() throws Exception {
        compose = RepoFiles.composeProjects();
        kube = RepoFiles.docs("deploy");
        composeContainers = Container.of(compose);
        kubeContainers = Container.of(kube);
        version = RepoFiles.version();
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
            problems.addAll(
                    LayoutChecks.imageMentions(ROOT.relativize(f).toString(), read(f), version));
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
        long commandLines =
                Stream.concat(composeContainers.stream(), kubeContainers.stream())
                        .filter(c -> ContainerChecks.isApp(c) && c.command().isEmpty())
                        .count();
        assertTrue(commandLines >= 6, "too few capstream command lines found: " + commandLines);
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
            if (RepoFiles.isYaml(f)) {
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
}
