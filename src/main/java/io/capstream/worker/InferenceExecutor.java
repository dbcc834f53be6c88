package io.capstream.worker;

import io.capstream.model.CaptionInput;
import io.capstream.model.Captioner;
import io.capstream.model.GeneratedCaption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of the models of a worker (one device, one executor). Stream tasks submit their
 * micro-batches; the executor thread merges batches for the same model that are waiting at the same
 * time (from several stream threads) into one model call, up to {@code maxMergedBatch} inputs.
 *
 * <p>Thread-safety: any thread may call {@link #run}, {@link #swap}, {@link #served} and {@link
 * #takesPairs} concurrently. Batches and swaps go through one queue that only the executor thread
 * takes from, in order, so a swap lands between two model calls: a batch queued before it runs on
 * the old model, one queued after it on the new one, and a merged call never spans a swap (merging
 * stops at a queued swap). Only the executor thread writes the model map; other threads read it
 * through the concurrent map (a reader sees the old or the new model, never a torn state).
 */
public final class InferenceExecutor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InferenceExecutor.class);

    private final Map<String, Captioner> models = new ConcurrentHashMap<>();
    private final LinkedBlockingDeque<Object> queue = new LinkedBlockingDeque<>();
    private final int maxMergedBatch;
    private final Thread thread;
    private final Object lifecycle = new Object();
    private volatile boolean running = true;
    private boolean closed;

    /** The executor was closed (the worker is stopping) before a batch or swap could run. */
    public static final class ClosedException extends IllegalStateException {
        ClosedException() {
            super("inference executor is closed");
        }
    }

    private record Request(
            String model, List<CaptionInput> inputs, CompletableFuture<BatchResult> done) {}

    private record Swap(String model, Captioner next, CompletableFuture<Captioner> done) {}

    public InferenceExecutor(Map<String, Captioner> initialModels, int maxMergedBatch) {
        this.models.putAll(initialModels);
        this.maxMergedBatch = maxMergedBatch;
        this.thread = new Thread(this::loop, "capstream-inference");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Models currently served, by name. */
    public Map<String, Captioner.ModelInfo> served() {
        Map<String, Captioner.ModelInfo> out = new ConcurrentHashMap<>();
        models.forEach((k, v) -> out.put(k, v.info()));
        return out;
    }

    /** Whether a model of that name is served and takes pairs (true) or single images (false). */
    public Optional<Boolean> takesPairs(String model) {
        Captioner c = models.get(model);
        return c == null ? Optional.empty() : Optional.of(c.info().pairs());
    }

    /**
     * Captions a batch, blocking the calling stream thread until the result is ready.
     *
     * @throws ClosedException if the executor is closed before the batch ran
     * @throws Exception whatever the model threw
     */
    BatchResult run(String model, List<CaptionInput> inputs) throws Exception {
        CompletableFuture<BatchResult> f = new CompletableFuture<>();
        enqueue(new Request(model, List.copyOf(inputs), f));
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /**
     * Replaces a served model between two batches; blocks until it is swapped in. Batches queued
     * before this call still run on the previous model; the previous model is returned once no
     * batch uses it any more, and the caller closes it (off the inference path).
     *
     * @param model the name events ask for
     * @param next the new model; it must take the same inputs (pairs or single images of the same
     *     size) as the served one, since records already buffered were prepared for that
     * @return the previous model; on an exception {@code next} stays the caller's to close
     * @throws IllegalArgumentException if no model of that name is served, or {@code next} takes
     *     other inputs
     * @throws ClosedException if the executor is closed
     */
    public Captioner swap(String model, Captioner next) {
        CompletableFuture<Captioner> f = new CompletableFuture<>();
        enqueue(new Swap(model, next, f));
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private void enqueue(Object item) {
        synchronized (lifecycle) {
            if (closed) {
                throw new ClosedException();
            }
            queue.add(item);
        }
    }

    private void loop() {
        while (running) {
            Object head;
            try {
                head = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (head instanceof Swap s) {
                swapNow(s);
            } else if (head instanceof Request r) {
                runMerged(r);
            }
        }
    }

    private void swapNow(Swap s) {
        Captioner current = models.get(s.model());
        String problem = current == null ? "is not served" : inputProblem(current, s.next());
        if (problem != null) {
            s.done()
                    .completeExceptionally(
                            new IllegalArgumentException(
                                    "cannot swap model '" + s.model() + "': " + problem));
            return;
        }
        models.put(s.model(), s.next());
        s.done().complete(current);
    }

    /** Why {@code next} cannot take the inputs prepared for {@code current}; null if it can. */
    private static String inputProblem(Captioner current, Captioner next) {
        Captioner.ModelInfo a = current.info();
        Captioner.ModelInfo b = next.info();
        if (a.pairs() != b.pairs()) {
            return "the new model takes "
                    + (b.pairs() ? "image pairs" : "single images")
                    + ", the served one "
                    + (a.pairs() ? "image pairs" : "single images");
        }
        if (a.imageSize() != b.imageSize()) {
            return "the new model takes "
                    + b.imageSize()
                    + "x"
                    + b.imageSize()
                    + " images, the served one "
                    + a.imageSize()
                    + "x"
                    + a.imageSize();
        }
        return null;
    }

    private void runMerged(Request first) {
        List<Request> merged = new ArrayList<>(List.of(first));
        int total = first.inputs().size();
        // Merge only requests queued before any swap, so a swap still lands between batches.
        for (Iterator<Object> it = queue.iterator(); it.hasNext(); ) {
            Object o = it.next();
            if (o instanceof Swap) {
                break;
            }
            Request r = (Request) o;
            if (r.model().equals(first.model()) && total + r.inputs().size() <= maxMergedBatch) {
                it.remove();
                merged.add(r);
                total += r.inputs().size();
            }
        }
        Captioner model = models.get(first.model());
        if (model == null) {
            IllegalArgumentException e =
                    new IllegalArgumentException(
                            "no model named '" + first.model() + "' is served");
            merged.forEach(r -> r.done().completeExceptionally(e));
            return;
        }
        List<CaptionInput> all = new ArrayList<>(total);
        merged.forEach(r -> all.addAll(r.inputs()));
        long start = System.nanoTime();
        List<GeneratedCaption> caps;
        try {
            caps = model.caption(all);
        } catch (RuntimeException e) {
            log.warn(
                    "model {} failed on a batch of {}: {}",
                    first.model(),
                    all.size(),
                    e.toString());
            merged.forEach(r -> r.done().completeExceptionally(e));
            return;
        }
        double ms = (System.nanoTime() - start) / 1e6;
        int from = 0;
        for (Request r : merged) {
            int to = from + r.inputs().size();
            r.done()
                    .complete(
                            new BatchResult(model.info(), caps.subList(from, to), ms, all.size()));
            from = to;
        }
    }

    /**
     * Stops the executor thread and closes every model. Batches and swaps still queued fail with an
     * {@link ClosedException} (a failed swap leaves its new model to the caller).
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ClosedException stopped = new ClosedException();
        for (Object left; (left = queue.poll()) != null; ) {
            if (left instanceof Request r) {
                r.done().completeExceptionally(stopped);
            } else if (left instanceof Swap s) {
                s.done().completeExceptionally(stopped);
            }
        }
        models.values().forEach(Captioner::close);
        models.clear();
    }
}
