package io.capstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.model.CaptionInput;
import io.capstream.model.Captioner;
import io.capstream.model.GeneratedCaption;
import io.capstream.model.checkpoint.CheckpointException;
import io.capstream.schema.avro.ModelUpdate;
import io.capstream.schema.avro.UpdateAction;
import io.capstream.worker.ModelUpdateApplier.Decision;
import io.capstream.worker.ModelUpdateApplier.Outcome;
import io.capstream.worker.ModelUpdateApplier.Status;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the worker does with each kind of model update, with fake models and a real executor. */
class ModelUpdateApplierTest {
    private static final Path DIR = Path.of("/store/decider/v2").toAbsolutePath();

    /** A model that captions with fixed words and confidences and records its close. */
    private static final class Model implements Captioner {
        final ModelInfo info;
        float confidence = 0.8f;
        boolean closed;

        Model(String name, int version, boolean pairs, int size) {
            info = new ModelInfo(name, version, pairs, size, "cpu()");
        }

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public List<GeneratedCaption> caption(List<? extends CaptionInput> batch) {
            List<GeneratedCaption> out = new ArrayList<>();
            batch.forEach(
                    b ->
                            out.add(
                                    GeneratedCaption.of(
                                            List.of("a", "cube"), new float[] {confidence, 1})));
            return out;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final Model v1 = new Model("decider", 1, true, 16);
    private final List<Path> loaded = new ArrayList<>();
    private InferenceExecutor executor;

    @BeforeEach
    void serveV1() {
        executor = new InferenceExecutor(Map.of("decider", v1), 8);
    }

    @AfterEach
    void close() {
        executor.close();
    }

    private static ModelUpdate update(String model, int version, String uri) {
        return ModelUpdate.newBuilder()
                .setModelName(model)
                .setVersion(version)
                .setCheckpointUri(uri)
                .setCreatedAt(Instant.EPOCH)
                .setAction(UpdateAction.PUBLISH)
                .build();
    }

    private Outcome apply(ModelUpdate u, Captioner next) {
        return new ModelUpdateApplier(
                        executor,
                        dir -> {
                            loaded.add(dir);
                            return next;
                        })
                .apply(u);
    }

    private int servedVersion() {
        return executor.served().get("decider").version();
    }

    @Test
    void shouldLoadOnlyWhenServedModelHasAnotherVersion() {
        Map<String, Captioner.ModelInfo> served = Map.of("decider", v1.info());
        assertEquals(Decision.LOAD, ModelUpdateApplier.decide(update("decider", 2, "x"), served));
        // An older version is loaded too: the latest announcement wins (a rollback).
        assertEquals(Decision.LOAD, ModelUpdateApplier.decide(update("decider", 0, "x"), served));
        assertEquals(
                Decision.ALREADY_SERVED,
                ModelUpdateApplier.decide(update("decider", 1, "x"), served));
        assertEquals(
                Decision.NOT_SERVED, ModelUpdateApplier.decide(update("iba-cd", 2, "x"), served));
    }

    @Test
    void shouldKeepOnlyTheLastAnnouncementOfEachModelWhenSeveralArriveTogether() {
        List<ModelUpdate> inOrder =
                List.of(
                        update("decider", 2, "a"),
                        update("iba-cd", 5, "b"),
                        update("decider", 3, "c"),
                        update("decider", 1, "d"));
        List<ModelUpdate> latest =
                ModelUpdateApplier.latestPerModel(inOrder, ModelUpdate::getModelName);
        assertEquals(
                List.of("d", "b"), latest.stream().map(ModelUpdate::getCheckpointUri).toList());
    }

    @Test
    void shouldSwapInAndCloseTheOldModelWhenCheckpointLoadsAndProbes() {
        Model v2 = new Model("decider", 2, true, 16);
        Outcome o = apply(update("decider", 2, DIR.toUri().toString()), v2);
        assertEquals(Status.APPLIED, o.status(), o.message());
        assertTrue(o.message().contains("v1 -> v2"), o.message());
        assertEquals(List.of(DIR), loaded);
        assertEquals(2, servedVersion());
        assertTrue(v1.closed, "old model not closed");
        assertFalse(v2.closed);
    }

    @Test
    void shouldAcceptAPlainPathAsCheckpointUri() {
        Outcome o = apply(update("decider", 2, DIR.toString()), new Model("decider", 2, true, 16));
        assertEquals(Status.APPLIED, o.status(), o.message());
        assertEquals(List.of(DIR), loaded);
    }

    @Test
    void shouldIgnoreWithoutLoadingWhenVersionIsServedOrModelIsNot() {
        Outcome same = apply(update("decider", 1, "file:/x"), new Model("decider", 1, true, 16));
        assertEquals(Status.IGNORED, same.status());
        Outcome other = apply(update("iba-cd", 4, "file:/x"), new Model("iba-cd", 4, false, 16));
        assertEquals(Status.IGNORED, other.status());
        assertTrue(other.message().contains("[decider]"), other.message());
        assertEquals(List.of(), loaded);
        assertFalse(v1.closed);
    }

    @Test
    void shouldRejectAndKeepServingWhenCheckpointCannotBeLoaded() {
        ModelUpdateApplier applier =
                new ModelUpdateApplier(
                        executor,
                        dir -> {
                            throw new CheckpointException(dir, "file model.params is corrupt");
                        });
        Outcome o = applier.apply(update("decider", 2, DIR.toUri().toString()));
        assertEquals(Status.REJECTED, o.status());
        assertTrue(o.message().contains("decider v2"), o.message());
        assertTrue(o.message().contains(DIR.toUri().toString()), o.message());
        assertTrue(o.message().contains("model.params is corrupt"), o.message());
        assertTrue(o.message().endsWith("still serving decider v1"), o.message());
        assertEquals(1, servedVersion());
        assertFalse(v1.closed);
    }

    @Test
    void shouldRejectWithoutLoadingWhenUriSchemeIsNotFile() {
        Outcome o =
                apply(
                        update("decider", 2, "s3://bucket/decider/v2"),
                        new Model("decider", 2, true, 16));
        assertEquals(Status.REJECTED, o.status());
        assertTrue(o.message().contains("scheme 's3' is not supported"), o.message());
        assertEquals(List.of(), loaded);
    }

    @Test
    void shouldRejectAndCloseTheLoadedModelWhenItIsNotTheAnnouncedOne() {
        assertRejected(new Model("iba-cd", 2, true, 16), "of model 'iba-cd', not 'decider'");
        assertRejected(new Model("decider", 3, true, 16), "version 3, the update announces 2");
        assertRejected(new Model("decider", 2, false, 16), "takes single images");
        assertRejected(new Model("decider", 2, true, 32), "32x32 images but the served one 16x16");
    }

    @Test
    void shouldRejectWhenProbeCaptionIsNotSane() {
        Model nan = new Model("decider", 2, true, 16);
        nan.confidence = Float.NaN;
        assertRejected(nan, "fails on a probe input");
    }

    private void assertRejected(Model next, String problem) {
        Outcome o = apply(update("decider", 2, DIR.toString()), next);
        assertEquals(Status.REJECTED, o.status(), o.message());
        assertTrue(o.message().contains(problem), o.message());
        assertTrue(next.closed, "rejected model left open: " + next.info());
        assertEquals(1, servedVersion());
        assertFalse(v1.closed);
    }
}
