package io.capstream.cli;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.model.checkpoint.ModelStore;
import io.capstream.trainer.TrainingConsumer;
import io.capstream.util.UserInputException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code capstream trainer}: the training consumer, until stopped. SIGTERM or Ctrl-C lets a running
 * round finish and commit; each round is one log line.
 */
@Command(
        name = "trainer",
        mixinStandardHelpOptions = true,
        description = {
            "Run the training consumer: read capstream.labeled-images and capstream.labeled-pairs,"
                    + " fine-tune the current iba-cd and decider checkpoints of model.store in"
                    + " rounds, write each round's checkpoint as a new version, and announce it on"
                    + " capstream.model-updates (promoting it) when it validates at least as well"
                    + " as the current one on a held-out slice. Bad records go to capstream.dlq.",
            "Settings: the trainer.* keys (docs/training-loop.md), e.g. --set"
                    + " trainer.round.min.events=256 --set trainer.models=decider.",
            "Without bootstrap.servers and schema.registry.url it starts an embedded broker and"
                    + " registry on 127.0.0.1 and logs their addresses.",
            "SIGTERM or Ctrl-C stops it gracefully: a running round finishes and commits first."
        })
public final class TrainerCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(TrainerCommand.class);

    @Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        CapstreamConfig cfg = config.load();
        log.info("config: {}", cfg.describe());
        // The store first: a bad model.store or a missing model fails before any server starts.
        ModelStore store = ModelStore.fromConfig(cfg.get(ConfigKeys.MODEL_STORE));
        for (String model : cfg.get(ConfigKeys.TRAINER_MODELS)) {
            store.current(model);
        }
        if (cfg.get(ConfigKeys.MODEL_STORE).isBlank()) {
            log.warn(
                    "model.store is not set: new versions go into the shipped checkpoints at {};"
                            + " set model.store to a directory of your own to keep them apart",
                    store.root());
        }
        CliModels.threads(cfg); // fine-tuning and scoring share the machine with the broker
        Cluster cluster = Cluster.connect(cfg, true);
        TrainingConsumer trainer;
        try {
            trainer =
                    TrainingConsumer.builder()
                            .setConfig(cfg)
                            .setBootstrapServers(cluster.bootstrapServers())
                            .setRegistry(cluster.registry())
                            .optModelStore(store)
                            .build()
                            .start();
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        CountDownLatch hookDone = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            log.info("stop requested (SIGTERM or Ctrl-C)");
                            stop(trainer, cluster);
                            hookDone.countDown();
                        },
                        "capstream-trainer-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (cluster.embedded()) {
            log.info(
                    "produce labeled examples to this trainer with --set bootstrap.servers={} --set"
                            + " schema.registry.url={}",
                    cluster.bootstrapServers(),
                    cluster.embeddedRegistryUrl());
        }
        // Returns when the hook ran, or when the trainer stopped by itself (a failure).
        while (!trainer.awaitStopped(Duration.ofSeconds(1))) {
            // waiting
        }
        if (trainer.failure().isEmpty()) {
            hookDone.await(5, TimeUnit.MINUTES);
            return 0;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return 1; // a SIGTERM came in meanwhile; the hook stops everything
        }
        stop(trainer, cluster);
        Throwable t = trainer.failure().get();
        if (t instanceof UserInputException u) {
            throw u; // one line, exit code 2
        }
        log.error("trainer stopped by itself: {}", t.toString());
        return 1;
    }

    private static void stop(TrainingConsumer trainer, Cluster cluster) {
        try {
            trainer.close();
        } finally {
            cluster.close();
        }
        log.info("trainer exited cleanly");
    }
}
