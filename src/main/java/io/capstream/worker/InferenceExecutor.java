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
 * Models are swapped on the executor thread, so a swap always happens between two batches.
 */
public final class InferenceExecutor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InferenceExecutor.class);

    private final Map<String, Captioner> models = new ConcurrentHashMap<>();
    private final LinkedBlockingDeque<Object> queue = new LinkedBlockingDeque<>();
    private final int maxMergedBatch;
    private final Thread thread;
    private volatile boolean running = true;

    private record Request(
            String model, List<CaptionInput> inputs, CompletableFuture<BatchResult> done) {}

    private record Swap(
            String model, Captioner next, CompletableFuture<Optional<Captioner>> done) {}

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

    /** Captions a batch, blocking the calling stream thread until the result is ready. */
    BatchResult run(String model, List<CaptionInput> inputs) throws Exception {
        CompletableFuture<BatchResult> f = new CompletableFuture<>();
        queue.add(new Request(model, List.copyOf(inputs), f));
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /**
     * Replaces (or adds) a model between batches and returns the previous one, which the caller
     * closes. Blocks until the swap happened.
     */
    public Optional<Captioner> swap(String model, Captioner next) {
        CompletableFuture<Optional<Captioner>> f = new CompletableFuture<>();
        queue.add(new Swap(model, next, f));
        return f.join();
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
                s.done().complete(Optional.ofNullable(models.put(s.model(), s.next())));
            } else if (head instanceof Request r) {
                runMerged(r);
            }
        }
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

    /** Stops the executor thread and closes every model. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        models.values().forEach(Captioner::close);
        models.clear();
    }
}
