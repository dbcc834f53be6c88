package io.capstream.deploy;

import io.capstream.deploy.YamlDocs.Doc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of how the files fit together: kustomization, image names in text, image layout. */
final class LayoutChecks {
    private static final Pattern IMAGE_REF =
            Pattern.compile(Pattern.quote(ContainerChecks.IMAGE) + "(:[A-Za-z0-9_.-]+)?");
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT\\s+\\[(.*)]\\s*$");
    private static final Pattern COPY =
            Pattern.compile("(?m)^COPY\\s+(?:--\\S+\\s+)*(\\S+)\\s+(\\S+)\\s*$");

    private LayoutChecks() {}

    /** The kustomization must list exactly the other YAML files of its folder. */
    static List<String> kustomization(Doc kustomization, Set<String> yamlFiles) {
        Set<String> listed =
                new TreeSet<>(YamlDocs.strings(kustomization.node().path("resources")));
        Set<String> expected = new TreeSet<>(yamlFiles);
        expected.remove("kustomization.yaml");
        List<String> problems = new ArrayList<>();
        for (String f : expected) {
            if (!listed.contains(f)) {
                problems.add(kustomization.source() + ": does not list " + f);
            }
        }
        for (String f : listed) {
            if (!expected.contains(f)) {
                problems.add(
                        kustomization.source() + ": lists " + f + ", which is not in the folder");
            }
        }
        return problems;
    }

    /** Every mention of the app image in any text (docs, Dockerfiles, YAML) names a valid tag. */
    static List<String> imageMentions(String where, String text, String version) {
        Set<String> allowed = Set.of(":" + version, ":" + version + "-cuda");
        List<String> problems = new ArrayList<>();
        Matcher m = IMAGE_REF.matcher(text);
        while (m.find()) {
            if (m.group(1) == null || !allowed.contains(m.group(1))) {
                problems.add(where + ": '" + m.group() + "' is not tagged " + allowed);
            }
        }
        return problems;
    }

    /**
     * A Dockerfile's entrypoint must run the jar offline, and the checkpoints must be where {@code
     * ModelStore.shipped()} looks: {@code models/} in the parent of the jar's directory.
     */
    static List<String> dockerfile(String where, String text) {
        List<String> problems = new ArrayList<>();
        Matcher e = ENTRYPOINT.matcher(text);
        if (!e.find()) {
            return List.of(where + ": no exec-form ENTRYPOINT");
        }
        List<String> argv = new ArrayList<>();
        for (String part : e.group(1).split(",")) {
            argv.add(part.trim().replaceAll("^\"|\"$", ""));
        }
        if (!argv.contains("-Dai.djl.offline=true")) {
            problems.add(where + ": ENTRYPOINT lacks -Dai.djl.offline=true");
        }
        int jar = argv.indexOf("-jar");
        if (jar < 0 || jar + 1 >= argv.size()) {
            return List.of(where + ": ENTRYPOINT runs no -jar");
        }
        Path home = Path.of(argv.get(jar + 1)).getParent().getParent();
        String models = home.resolve("models").toString();
        boolean shipped =
                copies(text).stream()
                        .anyMatch(c -> c[0].equals("models/") && strip(c[1]).equals(models));
        if (!shipped) {
            problems.add(
                    where
                            + ": the checkpoints (models/) must be copied to "
                            + models
                            + ", where ModelStore.shipped() looks for "
                            + argv.get(jar + 1));
        }
        return problems;
    }

    /** The destinations of a Dockerfile's COPY instructions. */
    static Set<String> copyDestinations(String text) {
        Set<String> out = new LinkedHashSet<>();
        copies(text).forEach(c -> out.add(strip(c[1])));
        return out;
    }

    private static List<String[]> copies(String text) {
        List<String[]> out = new ArrayList<>();
        Matcher m = COPY.matcher(text);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    private static String strip(String path) {
        return path.length() > 1 && path.endsWith("/")
                ? path.substring(0, path.length() - 1)
                : path;
    }

    /**
     * A container that replaces the app image's entrypoint must run a program the image has (a COPY
     * destination of the Dockerfiles).
     */
    static List<String> entrypointOverrides(List<Container> containers, Set<String> inImage) {
        List<String> problems = new ArrayList<>();
        for (Container c : containers) {
            if (ContainerChecks.isApp(c)
                    && !c.command().isEmpty()
                    && !inImage.contains(c.command().get(0))) {
                problems.add(
                        c.where()
                                + ": runs "
                                + c.command().get(0)
                                + ", which the image does not have");
            }
        }
        return problems;
    }
}
