package io.capstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.capstream.deploy.YamlDocs.Doc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One container that the files run, a compose service or a container of a Kubernetes pod template,
 * with the environment it gets as far as the files tell it.
 *
 * @param where file, resource and container name, for messages
 * @param image the image
 * @param command what replaces the image's entrypoint (compose {@code entrypoint}, Kubernetes
 *     {@code command}); empty when the entrypoint runs
 * @param args the arguments to the entrypoint (compose {@code command}, Kubernetes {@code args})
 * @param env every variable whose value the files give (env files, literals, keys of a ConfigMap or
 *     Secret defined in the files)
 * @param envNames every variable the container gets, known value or not (fieldRef, ...)
 * @param unresolved references to a ConfigMap or Secret key that the files define without it
 * @param resources Kubernetes {@code resources}, or compose {@code deploy.resources}
 * @param kubernetes whether it comes from a Kubernetes manifest
 */
record Container(
        String where,
        String image,
        List<String> command,
        List<String> args,
        Map<String, String> env,
        Set<String> envNames,
        List<String> unresolved,
        JsonNode resources,
        boolean kubernetes) {

    private static final Set<String> WORKLOADS =
            Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet", "Pod");

    /** Whether it requests a GPU (Kubernetes nvidia.com/gpu, or a compose device reservation). */
    boolean requestsGpu() {
        return resources.path("limits").has("nvidia.com/gpu")
                || resources.path("requests").has("nvidia.com/gpu")
                || resources.path("reservations").has("devices");
    }

    /** Every container in the documents; ConfigMaps and Secrets among them resolve references. */
    static List<Container> of(List<Doc> docs) {
        Map<String, Map<String, String>> configMaps = new HashMap<>();
        Map<String, Map<String, String>> secrets = new HashMap<>();
        for (Doc d : docs) {
            if (d.kind().equals("ConfigMap")) {
                configMaps.put(d.name(), textMap(d.node().path("data")));
            } else if (d.kind().equals("Secret")) {
                Map<String, String> m = new LinkedHashMap<>();
                d.node().path("data").properties().forEach(e -> m.put(e.getKey(), decode(e)));
                m.putAll(textMap(d.node().path("stringData")));
                secrets.put(d.name(), m);
            }
        }
        List<Container> out = new ArrayList<>();
        for (Doc d : docs) {
            if (d.node().has("services")) {
                d.node().path("services").properties().forEach(s -> out.add(compose(d, s)));
            } else if (WORKLOADS.contains(d.kind())) {
                JsonNode pod =
                        d.kind().equals("Pod")
                                ? d.node().path("spec")
                                : d.node().path("spec").path("template").path("spec");
                for (String list : List.of("initContainers", "containers")) {
                    for (JsonNode c : pod.path(list)) {
                        out.add(kubernetes(d, c, configMaps, secrets));
                    }
                }
            }
        }
        return out;
    }

    private static Container compose(Doc d, Map.Entry<String, JsonNode> service) {
        JsonNode s = service.getValue();
        Map<String, String> env = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        JsonNode files = s.path("env_file");
        for (JsonNode f : files.isArray() ? files : List.of(files)) {
            if (!f.isMissingNode()) {
                String rel = f.isObject() ? f.path("path").asText() : f.asText();
                env.putAll(envFile(d.file().resolveSibling(rel)));
            }
        }
        JsonNode environment = s.path("environment");
        if (environment.isArray()) {
            for (JsonNode kv : environment) {
                String[] p = kv.asText().split("=", 2);
                if (p.length == 2) {
                    env.put(p[0], p[1]);
                } else {
                    names.add(p[0]);
                }
            }
        } else {
            environment
                    .properties()
                    .forEach(
                            e -> {
                                if (e.getValue().isNull()) {
                                    names.add(e.getKey()); // taken from the host: value unknown
                                } else {
                                    env.put(e.getKey(), e.getValue().asText());
                                }
                            });
        }
        names.addAll(env.keySet());
        return new Container(
                d.source() + " service " + service.getKey(),
                s.path("image").asText(""),
                commandLine(s.path("entrypoint")),
                commandLine(s.path("command")),
                env,
                names,
                List.of(),
                s.path("deploy").path("resources"),
                false);
    }

    private static Container kubernetes(
            Doc d,
            JsonNode c,
            Map<String, Map<String, String>> configMaps,
            Map<String, Map<String, String>> secrets) {
        Map<String, String> env = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        List<String> unresolved = new ArrayList<>();
        for (JsonNode from : c.path("envFrom")) {
            boolean isMap = from.has("configMapRef");
            String ref = from.path(isMap ? "configMapRef" : "secretRef").path("name").asText();
            Map<String, String> source = (isMap ? configMaps : secrets).get(ref);
            if (source != null) {
                env.putAll(source);
            }
        }
        for (JsonNode e : c.path("env")) {
            String name = e.path("name").asText();
            names.add(name);
            if (e.has("value")) {
                env.put(name, e.path("value").asText());
            }
            for (String refKind : List.of("configMapKeyRef", "secretKeyRef")) {
                JsonNode ref = e.path("valueFrom").path(refKind);
                if (!ref.isMissingNode()) {
                    Map<String, String> source =
                            (refKind.equals("configMapKeyRef") ? configMaps : secrets)
                                    .get(ref.path("name").asText());
                    String key = ref.path("key").asText();
                    if (source != null && source.containsKey(key)) {
                        env.put(name, source.get(key));
                    } else if (source != null) {
                        unresolved.add(refKind + " " + ref.path("name").asText() + "/" + key);
                    }
                }
            }
        }
        names.addAll(env.keySet());
        return new Container(
                d.where() + " container " + c.path("name").asText(),
                c.path("image").asText(""),
                YamlDocs.strings(c.path("command")),
                YamlDocs.strings(c.path("args")),
                env,
                names,
                unresolved,
                c.path("resources"),
                true);
    }

    /** A compose command: a list, or a string split at spaces. */
    private static List<String> commandLine(JsonNode n) {
        if (n.isTextual()) {
            return List.of(n.asText().trim().split("\\s+"));
        }
        return YamlDocs.strings(n);
    }

    private static Map<String, String> textMap(JsonNode object) {
        Map<String, String> m = new LinkedHashMap<>();
        object.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    private static String decode(Map.Entry<String, JsonNode> e) {
        return new String(
                Base64.getDecoder().decode(e.getValue().asText()), StandardCharsets.UTF_8);
    }

    /** A compose env file: KEY=VALUE lines, # comments. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> m = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.trim();
                int eq = t.indexOf('=');
                if (!t.isEmpty() && !t.startsWith("#") && eq > 0) {
                    m.put(t.substring(0, eq).trim(), t.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("env file " + file, e);
        }
        return m;
    }
}
