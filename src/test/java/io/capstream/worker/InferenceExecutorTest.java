package io.capstream.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.capstream.model.CaptionInput;
import io.capstream.model.Captioner;
import io.capstream.model.GeneratedCaption;
import io.capstream.model.image.ModelImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Model swaps of the {@link InferenceExecutor}: between batches, with concurrent submitters. */
class InferenceExecutorTest {

    /** Captions every input with "v{version}"; can hold a call until released. */
    private static final class VersionCaptioner implements Captioner {
        final ModelInfo info;
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch hold = new CountDownLatch(0);
        final AtomicBoolean inCall = new AtomicBoolean();
        volatile boolean closed;
        volatile boolean closedDuringCall;

        VersionCaptioner(int version, boolean pairs, int size) {
            info = new ModelInfo("decider", version, pairs, size, "cpu()");
        }

        @Override
        public ModelInfo info() {
            return info;
        }

        @Override
        public List<GeneratedCaption> caption(List<? extends CaptionInput> batch) {
            inCall.set(true);
            entered.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<GeneratedCaption> out = new ArrayList<>();
            batch.forEach(
                    in ->
                            out.add(
                                    GeneratedCaption.of(
                                            List.of("v" + info.version()), new float[] {1})));
            inCall.set(false);
            return out;
        }

        @Override
        public void close() {
            closedDuringCall |= inCall.get();
            closed = true;
        }
    }

    private static List<CaptionInput> batch(int n) {
        ModelImage img = new ModelImage(4, new float[3 * 4 * 4], 4, 4);
        return Collections.nCopies(n, new CaptionInput.Pair(img, img));
    }

    @Test
    void shouldSwapOnlyAfterTheInFlightBatchWhenSwapArrivesMidBatch() throws Exception {
        VersionCaptioner v1 = new VersionCaptioner(1, true, 4);
        v1.hold = new CountDownLatch(1);
        VersionCaptioner v2 = new VersionCaptioner(2, true, 4);
        try (InferenceExecutor ex = new InferenceExecutor(Map.of("decider", v1), 8)) {
            CompletableFuture<BatchResult> inFlight =
                    CompletableFuture.supplyAsync(() -> run(ex, 3));
            assertTrue(v1.entered.await(10, TimeUnit.SECONDS), "batch never reached the model");
            CompletableFuture<Captioner> swap =
                    CompletableFuture.supplyAsync(() -> ex.swap("decider", v2));
            assertThrows(TimeoutException.class, () -> swap.get(300, TimeUnit.MILLISECONDS));
            assertEquals(1, ex.served().get("decider").version(), "swapped mid-batch");

            v1.hold.countDown();
            BatchResult first = inFlight.get(10, TimeUnit.SECONDS);
            assertEquals(1, first.model().version());
            assertEquals(List.of("v1", "v1", "v1"), texts(first));
            assertEquals(v1, swap.get(10, TimeUnit.SECONDS));
            assertFalse(v1.closed, "the executor closed the old model; the caller should");

            BatchResult next = run(ex, 2);
            assertEquals(2, next.model().version());
            assertEquals(List.of("v2", "v2"), texts(next));
        }
        assertTrue(v2.closed, "close() closes the served model");
    }

    @Test
    void shouldGiveEachBatchOneVersionAndOnlyTheNewOneAfterTheSwapWhenManyThreadsSubmit()
            throws Exception {
        VersionCaptioner v1 = new VersionCaptioner(1, true, 4);
        VersionCaptioner v2 = new VersionCaptioner(2, true, 4);
        ExecutorService submitters = Executors.newFixedThreadPool(4);
        AtomicBoolean swapped = new AtomicBoolean();
        record Seen(int version, boolean submittedAfterSwap) {}
        try (InferenceExecutor ex = new InferenceExecutor(Map.of("decider", v1), 6)) {
            CountDownLatch warm = new CountDownLatch(4);
            List<Future<List<Seen>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(
                        submitters.submit(
                                () -> {
                                    List<Seen> seen = new ArrayList<>();
                                    int after = 0;
                                    for (int i = 0; after < 20; i++) {
                                        boolean late = swapped.get();
                                        BatchResult r = run(ex, 1 + i % 3);
                                        assertEquals(1 + i % 3, r.captions().size());
                                        // One model call: every caption from the same version.
                                        assertEquals(1, texts(r).stream().distinct().count());
                                        assertEquals("v" + r.model().version(), texts(r).get(0));
                                        seen.add(new Seen(r.model().version(), late));
                                        after += late ? 1 : 0;
                                        if (i == 10) {
                                            warm.countDown();
                                        }
                                    }
                                    return seen;
                                }));
            }
            assertTrue(warm.await(20, TimeUnit.SECONDS));
            // The threads keep submitting while the swap is queued among their batches.
            assertEquals(v1, ex.swap("decider", v2));
            swapped.set(true);
            v1.close();
            List<Integer> all = new ArrayList<>();
            for (Future<List<Seen>> f : results) {
                List<Seen> seen = f.get(30, TimeUnit.SECONDS);
                List<Integer> versions = seen.stream().map(Seen::version).toList();
                List<Integer> sorted = new ArrayList<>(versions);
                Collections.sort(sorted);
                assertEquals(sorted, versions, "back to v1 after v2");
                seen.stream()
                        .filter(Seen::submittedAfterSwap)
                        .forEach(s -> assertEquals(2, s.version(), "submitted after the swap"));
                all.addAll(versions);
            }
            assertTrue(all.contains(1) && all.contains(2), "versions seen: " + all);
            assertFalse(v1.closedDuringCall, "the old model was closed during a call");
        } finally {
            submitters.shutdownNow();
        }
    }

    @Test
    void shouldRefuseSwapWhenNewModelTakesOtherInputs() {
        VersionCaptioner v1 = new VersionCaptioner(1, true, 4);
        try (InferenceExecutor ex = new InferenceExecutor(Map.of("decider", v1), 8)) {
            IllegalArgumentException single =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> ex.swap("decider", new VersionCaptioner(2, false, 4)));
            assertTrue(single.getMessage().contains("single images"), single.getMessage());
            IllegalArgumentException size =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> ex.swap("decider", new VersionCaptioner(2, true, 8)));
            assertTrue(size.getMessage().contains("8x8"), size.getMessage());
            IllegalArgumentException unknown =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> ex.swap("iba-cd", new VersionCaptioner(2, true, 4)));
            assertTrue(unknown.getMessage().contains("'iba-cd'"), unknown.getMessage());
            assertEquals(1, ex.served().get("decider").version());
        }
    }

    @Test
    void shouldFailQueuedAndLaterWorkWithClosedExceptionWhenClosed() throws Exception {
        VersionCaptioner v1 = new VersionCaptioner(1, true, 4);
        v1.hold = new CountDownLatch(1);
        InferenceExecutor ex = new InferenceExecutor(Map.of("decider", v1), 1);
        CompletableFuture<BatchResult> inFlight = CompletableFuture.supplyAsync(() -> run(ex, 1));
        assertTrue(v1.entered.await(10, TimeUnit.SECONDS));
        // Queued behind the held batch, or refused if it comes after the close: either way it
        // fails.
        CompletableFuture<BatchResult> queued = CompletableFuture.supplyAsync(() -> run(ex, 1));
        ex.close(); // interrupts the held call, which then returns
        assertEquals(1, inFlight.get(10, TimeUnit.SECONDS).model().version());
        ExecutionException failed =
                assertThrows(ExecutionException.class, () -> queued.get(10, TimeUnit.SECONDS));
        assertTrue(
                failed.getCause().getCause() instanceof InferenceExecutor.ClosedException,
                failed.toString());
        assertThrows(InferenceExecutor.ClosedException.class, () -> ex.run("decider", batch(1)));
        assertThrows(
                InferenceExecutor.ClosedException.class,
                () -> ex.swap("decider", new VersionCaptioner(2, true, 4)));
        assertTrue(v1.closed);
    }

    private static BatchResult run(InferenceExecutor ex, int n) {
        try {
            return ex.run("decider", batch(n));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(BatchResult r) {
        return r.captions().stream().map(GeneratedCaption::text).toList();
    }
}
