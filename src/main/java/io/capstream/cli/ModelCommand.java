package io.capstream.cli;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.model.checkpoint.ModelCheckpoint;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.schema.avro.ModelUpdate;
import io.capstream.util.UserInputException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capstream model list|promote}: the versioned checkpoints of a model store. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "List and promote versioned checkpoints in a model store.",
        subcommands = {ModelCommand.ListVersions.class, ModelCommand.Promote.class})
public final class ModelCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** The --store option: a directory or file: URI, default the shipped checkpoints. */
    static final class Store {
        @Option(
                names = "--store",
                defaultValue = "",
                paramLabel = "DIR",
                description = "Model store directory or file: URI (default: the shipped models).")
        String store;

        ModelStore open() {
            return ModelStore.fromConfig(store);
        }

        /** --store if given, else the config's {@code model.store}. */
        ModelStore open(CapstreamConfig cfg) {
            return ModelStore.fromConfig(store.isBlank() ? cfg.get(ConfigKeys.MODEL_STORE) : store);
        }
    }

    /** {@code model list}: one line per model: its versions and the served one. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Print each model's versions and the served (CURRENT) version.")
    static final class ListVersions implements Callable<Integer> {
        @CommandLine.Mixin Store store;

        @Override
        public Integer call() {
            ModelStore s = store.open();
            List<String> names = s.names();
            if (names.isEmpty()) {
                System.err.println("model store " + s.root() + " holds no model");
            }
            for (String name : names) {
                StringBuilder line = new StringBuilder(name);
                int current = s.current(name);
                for (int v : s.versions(name)) {
                    line.append(" v").append(v).append(v == current ? "*" : "");
                }
                System.out.println(line);
            }
            return 0;
        }
    }

    /**
     * {@code model promote NAME VERSION}: rewrites CURRENT atomically and, when a Kafka cluster is
     * configured, announces the version on {@code capstream.model-updates} so running workers
     * switch to it (a rollback when it is older).
     */
    @Command(
            name = "promote",
            mixinStandardHelpOptions = true,
            description = {
                "Make VERSION the served version of model NAME: rewrite CURRENT in the store and,"
                        + " when bootstrap.servers and schema.registry.url are configured, publish a"
                        + " PROMOTE update to capstream.model-updates, which running workers follow"
                        + " (promoting an older version rolls them back).",
                "Workers must see the checkpoint directory at the same path (a shared volume)."
            })
    static final class Promote implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "Model name.")
        String name;

        @Parameters(index = "1", paramLabel = "VERSION", description = "Version (3 or v3).")
        String version;

        @CommandLine.Mixin Store store;

        @CommandLine.Mixin ConfigOptions config;

        @Option(
                names = "--no-announce",
                description =
                        "Only rewrite CURRENT; publish no update, even to a configured cluster.")
        boolean noAnnounce;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            CapstreamConfig cfg = config.load();
            ModelStore s = store.open(cfg);
            int number = parseVersion();
            ModelCheckpoint checkpoint = verified(s, number);
            Integer previous = servedVersion(s);
            boolean clusterConfigured =
                    !cfg.get(ConfigKeys.BOOTSTRAP_SERVERS).isBlank()
                            || !cfg.get(ConfigKeys.REGISTRY_URL).isBlank();
            // Connect first: a half-configured cluster fails before CURRENT changes.
            try (Cluster cluster =
                    noAnnounce || !clusterConfigured ? null : Cluster.connect(cfg, false)) {
                s.promote(name, number);
                PrintWriter err = spec.commandLine().getErr();
                err.println(
                        "promoted "
                                + name
                                + " v"
                                + number
                                + " in "
                                + s.root()
                                + (previous == null ? "" : " (was v" + previous + ")"));
                if (cluster == null) {
                    err.println(
                            (noAnnounce
                                            ? "not announced (--no-announce)"
                                            : "not announced (no bootstrap.servers and"
                                                    + " schema.registry.url configured)")
                                    + ": running workers keep their version; a worker started"
                                    + " from this store begins with v"
                                    + number
                                    + ", then follows the last announcement on the model-updates"
                                    + " topic, if any");
                    return 0;
                }
                ModelUpdate update =
                        ModelAnnouncement.promotion(checkpoint, previous, Instant.now());
                RecordMetadata at = ModelAnnouncement.publish(cfg, cluster, update);
                err.println(
                        "announced "
                                + name
                                + " v"
                                + number
                                + " ("
                                + update.getCheckpointUri()
                                + ") on "
                                + at.topic()
                                + " at offset "
                                + at.offset()
                                + ": running workers switch to it");
            }
            return 0;
        }

        private int parseVersion() {
            String v = version.startsWith("v") ? version.substring(1) : version;
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new UserInputException("VERSION '" + version + "' is not a number");
            }
        }

        /**
         * The checkpoint, loaded and verified (hashes, config, shapes): workers would refuse it.
         */
        private ModelCheckpoint verified(ModelStore s, int number) {
            if (s.versions(name).isEmpty()) {
                throw new UserInputException(
                        "cannot promote "
                                + name
                                + " v"
                                + number
                                + ": model store "
                                + s.root()
                                + " has no model '"
                                + name
                                + "' (models: "
                                + s.names()
                                + ")");
            }
            if (!s.versions(name).contains(number)) {
                throw new UserInputException(
                        "cannot promote "
                                + name
                                + " v"
                                + number
                                + ": "
                                + s.path(name, number)
                                + " does not exist (versions: "
                                + s.versions(name)
                                + ")");
            }
            ModelCheckpoint c;
            try {
                c = ModelCheckpoint.load(s.path(name, number));
            } catch (UserInputException e) {
                throw new UserInputException(
                        "cannot promote " + name + " v" + number + ": " + e.getMessage(), e);
            }
            if (!c.name().equals(name) || c.version() != number) {
                throw new UserInputException(
                        "cannot promote "
                                + name
                                + " v"
                                + number
                                + ": "
                                + c.path()
                                + " holds "
                                + c.name()
                                + " v"
                                + c.version()
                                + " (checkpoint.json)");
            }
            return c;
        }

        /** The version served until now; null if none is (e.g. CURRENT names a missing one). */
        private Integer servedVersion(ModelStore s) {
            try {
                return s.current(name);
            } catch (UserInputException e) {
                return null;
            }
        }
    }
}
