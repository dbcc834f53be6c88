package io.capstream.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigLoader;
import io.capstream.deploy.YamlDocs.Doc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

/** The repository's deployment files, read for the tests (Maven runs them in the repository). */
final class RepoFiles {
    static final Path ROOT = Path.of("").toAbsolutePath();

    private RepoFiles() {}

    /** The project version in pom.xml: the app image's tag. */
    static String version() throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(ROOT.resolve("pom.xml").toFile())
                .getDocumentElement()
                .getElementsByTagName("version")
                .item(0)
                .getTextContent()
                .trim();
    }

    /** The configuration the (first) worker container would load from its environment. */
    static CapstreamConfig workerConfig(List<Container> containers) {
        Container worker =
                containers.stream()
                        .filter(c -> ContainerChecks.isApp(c) && c.args().contains("worker"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no worker container"));
        return ConfigLoader.builder().optEnvironment(worker.env()).build();
    }

    /** docker/compose.yaml alone and with each override file (compose.*.yaml) applied. */
    static List<Doc> composeProjects() throws IOException {
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
        assertFalse(overrides.isEmpty(), "no compose override file such as compose.gpu.yaml");
        out.add(base);
        for (Doc o : overrides) {
            out.add(YamlDocs.overlay(base, o));
        }
        return out;
    }

    /** Every YAML document under a folder. */
    static List<Doc> docs(String folder) throws IOException {
        List<Doc> out = new ArrayList<>();
        for (Path f : files(folder)) {
            if (isYaml(f)) {
                out.addAll(YamlDocs.load(ROOT, f));
            }
        }
        return out;
    }

    static boolean isYaml(Path f) {
        return f.toString().endsWith(".yaml") || f.toString().endsWith(".yml");
    }

    static List<Path> files(String... folders) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> s = Files.walk(ROOT.resolve(folder))) {
                s.filter(Files::isRegularFile).sorted().forEach(out::add);
            }
        }
        return out;
    }

    static String read(Path f) throws IOException {
        return Files.readString(f, StandardCharsets.UTF_8);
    }
}
