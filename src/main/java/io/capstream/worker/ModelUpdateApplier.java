package io.capstream.worker;

import io.capstream.model.Captioner;
import io.capstream.model.Captioner.ModelInfo;
import io.capstream.model.GeneratedCaption;
import io.capstream.schema.avro.ModelUpdate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns one {@link ModelUpdate} into a model swap, or a reasoned refusal: decides whether the
 * update concerns this worker, loads the checkpoint, checks that it is the announced model and
 * version and takes the same inputs as the served one, captions a probe input, and hands it to the
 * {@link InferenceExecutor}. Everything but the swap runs on the caller's thread, off the inference
 * path; until the swap, the old model keeps serving.
 */
final class ModelUpdateApplier {
    private final InferenceExecutor executor;
    private final CheckpointLoader loader;

    /** What to do with an update, given the models served. */
    enum Decision {
        /** A served model, another version: load it. */
        LOAD,
        /** This worker does not serve that model. */
        NOT_SERVED,
        /** That version is served already (e.g. the update this worker started with). */
        ALREADY_SERVED
    }

    /** What came of an update. */
    enum Status {
        APPLIED,
        IGNORED,
        REJECTED
    }

    /**
     * @param status what happened
     * @param message one line for the log (and the dead-letter record when rejected)
     */
    record Outcome(Status status, String message) {}

    ModelUpdateApplier(InferenceExecutor executor, CheckpointLoader loader) {
        this.executor = executor;
        this.loader = loader;
    }

    /**
     * The latest announced version wins, whatever its number: a PROMOTE of an older version after a
     * newer one is a rollback.
     */
    static Decision decide(ModelUpdate update, Map<String, ModelInfo> served) {
        ModelInfo current = served.get(update.getModelName());
        if (current == null) {
            return Decision.NOT_SERVED;
        }
        return current.version() == update.getVersion() ? Decision.ALREADY_SERVED : Decision.LOAD;
    }

    /**
     * The last record of each model among records in topic order, by model name. Only the last
     * matters: loading an update that a later one replaces at once would be wasted work.
     */
    static <R> List<R> latestPerModel(Collection<R> inOrder, Function<R, String> modelName) {
        Map<String, R> latest = new TreeMap<>();
        inOrder.forEach(r -> latest.put(modelName.apply(r), r));
        return new ArrayList<>(latest.values());
    }

    /** Applies one update; never throws for a bad checkpoint (that is a REJECTED outcome). */
    Outcome apply(ModelUpdate u) {
        String name = u.getModelName();
        String what =
                "model update "
                        + name
                        + " v"
                        + u.getVersion()
                        + " ("
                        + u.getAction()
                        + " of "
                        + u.getCheckpointUri()
                        + ")";
        Map<String, ModelInfo> served = executor.served();
        ModelInfo current = served.get(name);
        switch (decide(u, served)) {
            case NOT_SERVED:
                return new Outcome(
                        Status.IGNORED,
                        what + " ignored: this worker serves " + new TreeMap<>(served).keySet());
            case ALREADY_SERVED:
                return new Outcome(Status.IGNORED, what + " ignored: already served");
            default:
                break;
        }
        long start = System.nanoTime();
        Path dir;
        Captioner next;
        try {
            dir = CheckpointUris.resolve(u.getCheckpointUri());
            next = loader.load(dir);
        } catch (RuntimeException e) {
            return rejected(what, current, "cannot be loaded: " + e.getMessage());
        }
        long loaded = System.nanoTime();
        String problem = mismatch(u, current, next.info());
        GeneratedCaption probe = null;
        if (problem == null) {
            try {
                probe = ModelProbe.check(next);
            } catch (RuntimeException e) {
                problem = "fails on a probe input (a blank image): " + e.getMessage();
            }
        }
        if (problem != null) {
            next.close();
            return rejected(what, current, problem);
        }
        long probed = System.nanoTime();
        Captioner old;
        try {
            old = executor.swap(name, next);
        } catch (RuntimeException e) {
            next.close();
            return rejected(what, current, e.getMessage());
        }
        old.close();
        return new Outcome(
                Status.APPLIED,
                String.format(
                        java.util.Locale.ROOT,
                        "%s applied: %s v%d -> v%d (loaded in %d ms, probe caption '%s' in %d ms,"
                                + " swapped in %d ms)",
                        what,
                        name,
                        current.version(),
                        u.getVersion(),
                        (loaded - start) / 1_000_000,
                        probe.text(),
                        (probed - loaded) / 1_000_000,
                        (System.nanoTime() - probed) / 1_000_000));
    }

    /** Why the loaded model may not replace the served one; null if it may. */
    private static String mismatch(ModelUpdate u, ModelInfo current, ModelInfo loaded) {
        if (!loaded.name().equals(u.getModelName())) {
            return "the checkpoint is of model '"
                    + loaded.name()
                    + "', not '"
                    + u.getModelName()
                    + "'";
        }
        if (loaded.version() != u.getVersion()) {
            return "the checkpoint is version "
                    + loaded.version()
                    + ", the update announces "
                    + u.getVersion();
        }
        if (loaded.pairs() != current.pairs()) {
            return "the checkpoint takes "
                    + (loaded.pairs() ? "image pairs" : "single images")
                    + " but "
                    + current.name()
                    + " is served for "
                    + (current.pairs() ? "image pairs" : "single images");
        }
        if (loaded.imageSize() != current.imageSize()) {
            return "the checkpoint takes "
                    + loaded.imageSize()
                    + "x"
                    + loaded.imageSize()
                    + " images but the served one "
                    + current.imageSize()
                    + "x"
                    + current.imageSize()
                    + " (a live update keeps the input size; restart the worker to change it)";
        }
        return null;
    }

    private static Outcome rejected(String what, ModelInfo current, String problem) {
        return new Outcome(
                Status.REJECTED,
                what
                        + " rejected: "
                        + problem
                        + "; still serving "
                        + current.name()
                        + " v"
                        + current.version());
    }
}
