package io.capstream.deploy;

import io.capstream.config.ConfigKeys;
import io.capstream.config.ConfigLoader;
import io.capstream.deploy.YamlDocs.Doc;
import io.capstream.util.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks of the containers that run the capstream image: environment, image, command. */
final class ContainerChecks {
    /** The application image's name; the tag is the pom version, plus {@code -cuda} for GPUs. */
    static final String IMAGE = "capstream/capstream";

    private ContainerChecks() {}

    static boolean isApp(Container c) {
        return c.image().startsWith(IMAGE + ":") || c.image().equals(IMAGE);
    }

    /**
     * Every {@code CAPSTREAM_*} variable (in containers, ConfigMaps and Secrets) must set a key of
     * {@link ConfigKeys#ALL} or a pass-through setting, read as {@link ConfigLoader} reads it; the
     * known values of each app container must load (an unknown key is reported once, by name).
     */
    static List<String> environment(List<Doc> docs, List<Container> containers) {
        List<String> problems = new ArrayList<>();
        for (Doc d : docs) {
            if (d.kind().equals("ConfigMap") || d.kind().equals("Secret")) {
                for (String section : List.of("data", "stringData")) {
                    d.node()
                            .path(section)
                            .fieldNames()
                            .forEachRemaining(k -> problems.addAll(keyProblem(d.where(), k)));
                }
            }
        }
        for (Container c : containers) {
            c.envNames().forEach(n -> problems.addAll(keyProblem(c.where(), n)));
            c.unresolved().forEach(r -> problems.add(c.where() + ": " + r + " does not exist"));
            if (isApp(c)) {
                Map<String, String> known = new LinkedHashMap<>(c.env());
                known.keySet().removeIf(n -> !keyProblem("", n).isEmpty()); // reported above
                try {
                    ConfigLoader.builder().optEnvironment(known).build();
                } catch (UserInputException e) {
                    problems.add(c.where() + ": " + e.getMessage());
                }
            }
        }
        return problems;
    }

    static List<String> keyProblem(String where, String envName) {
        if (!envName.startsWith(ConfigLoader.ENV_PREFIX)) {
            return List.of();
        }
        String key = ConfigLoader.keyForEnv(envName);
        if (ConfigKeys.ALL.containsKey(key)
                || ConfigKeys.PASS_THROUGH_PREFIXES.stream().anyMatch(key::startsWith)) {
            return List.of();
        }
        return List.of(
                where
                        + ": "
                        + envName
                        + " sets '"
                        + key
                        + "', which is neither a key of ConfigKeys nor under "
                        + ConfigKeys.PASS_THROUGH_PREFIXES);
    }

    /**
     * App images must be {@code capstream/capstream:<version>} or {@code ...:<version>-cuda}; a
     * container that asks for a GPU must run the CUDA image, and a Kubernetes worker must ask.
     */
    static List<String> images(List<Container> containers, String version) {
        Set<String> allowed = Set.of(IMAGE + ":" + version, IMAGE + ":" + version + "-cuda");
        List<String> problems = new ArrayList<>();
        for (Container c : containers) {
            if (c.image().startsWith("capstream/") && !allowed.contains(c.image())) {
                problems.add(c.where() + ": image " + c.image() + " is not one of " + allowed);
            }
            if (c.requestsGpu() && !c.image().endsWith("-cuda")) {
                problems.add(c.where() + ": asks for a GPU but runs " + c.image());
            }
            boolean worker = isApp(c) && c.command().isEmpty() && c.args().contains("worker");
            if (worker && c.kubernetes() && !c.requestsGpu()) {
                problems.add(c.where() + ": a Kubernetes worker must request nvidia.com/gpu");
            }
        }
        return problems;
    }

    /**
     * The arguments of every app container that runs the image's entrypoint must be a capstream
     * command line ({@link CommandLines}).
     */
    static List<String> commands(List<Container> containers, Set<String> pending) {
        List<String> problems = new ArrayList<>();
        for (Container c : containers) {
            if (isApp(c) && c.command().isEmpty()) {
                problems.addAll(CommandLines.problems(c.where(), c.args(), pending));
            }
        }
        return problems;
    }
}
