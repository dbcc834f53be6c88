package io.capstream.cli;

import io.capstream.config.CapstreamConfig;
import io.capstream.config.ConfigKeys;
import io.capstream.model.CaptionInput;
import io.capstream.model.Captioner;
import io.capstream.model.GeneratedCaption;
import io.capstream.model.image.ImagePreprocessor;
import io.capstream.model.image.InvalidImageException;
import io.capstream.model.image.ModelImage;
import io.capstream.producer.EventProducer;
import io.capstream.producer.ImagePayloads;
import io.capstream.producer.Outgoing;
import io.capstream.producer.Pacer;
import io.capstream.producer.SyntheticFeed;
import io.capstream.producer.SyntheticKind;
import io.capstream.schema.avro.ImageEvent;
import io.capstream.schema.avro.ImagePairEvent;
import io.capstream.util.UserInputException;
import io.capstream.worker.CaptionWorker;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The measurements of {@code capstream bench pipeline}, in one run on one set of models: captions/s
 * of the model alone and through the whole pipeline (producer, broker, registry, worker,
 * read_committed consumer) at the same batch size; latency percentiles at 50% and 90% of the
 * pipeline's saturation rate; and pipeline captions/s with micro-batches of 1.
 */
final class PipelineBench {
    /** What to measure. */
    record Settings(
            List<SyntheticKind> kinds,
            int events,
            int batch,
            Duration latencyWindow,
            int imageSize,
            long seed,
            Path spoolDir) {}

    /** Latency percentiles (ms) of the captions of events sent at {@code rate} per second. */
    record Latency(double rate, int events, double p50, double p95, double p99) {}

    /** The results for one kind of event. */
    record Result(
            SyntheticKind kind,
            Captioner.ModelInfo model,
            double modelAlone,
            double modelAloneBatch1,
            double pipeline,
            double pipelineBatch1,
            Latency at50,
            Latency at90) {}

    private record Batched(double saturation, Latency at50, Latency at90) {}

    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final int POOL = 64;

    private final Function<List<String>, CapstreamConfig> configWith;
    private final Cluster cluster;
    private final Map<String, Captioner> models;
    private final Settings s;
    private final PrintStream err;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /**
     * @param configWith the user's configuration with the given {@code key=value} settings forced
     */
    PipelineBench(
            Function<List<String>, CapstreamConfig> configWith,
            Cluster cluster,
            Map<String, Captioner> models,
            Settings settings,
            PrintStream err) {
        this.configWith = configWith;
        this.cluster = cluster;
        this.models = models;
        this.s = settings;
        this.err = err;
    }

    List<Result> run() throws InterruptedException {
        Map<SyntheticKind, Batched> batched = new LinkedHashMap<>();
        try (Phase p = new Phase(s.batch())) {
            for (SyntheticKind k : s.kinds()) {
                double sat = p.saturation(k);
                Latency l50 = p.latency(k, 0.5 * sat);
                Latency l90 = p.latency(k, 0.9 * sat);
                batched.put(k, new Batched(sat, l50, l90));
            }
        }
        Map<SyntheticKind, Double> single = new LinkedHashMap<>();
        try (Phase p = new Phase(1)) {
            for (SyntheticKind k : s.kinds()) {
                single.put(k, p.saturation(k));
            }
        }
        // The model alone last: by then the embedded servers have settled and the model is warm.
        Map<SyntheticKind, double[]> alone = new LinkedHashMap<>();
        for (SyntheticKind k : s.kinds()) {
            Captioner m = model(k);
            List<CaptionInput> inputs = inputs(k, m.info().imageSize());
            alone.put(
                    k,
                    new double[] {
                        modelAlone(m, inputs, s.batch(), s.events()),
                        modelAlone(m, inputs, 1, Math.min(s.events(), 2 * POOL))
                    });
        }
        List<Result> out = new ArrayList<>();
        for (SyntheticKind k : s.kinds()) {
            Batched b = batched.get(k);
            out.add(
                    new Result(
                            k,
                            model(k).info(),
                            alone.get(k)[0],
                            alone.get(k)[1],
                            b.saturation(),
                            single.get(k),
                            b.at50(),
                            b.at90()));
        }
        return out;
    }

    private Captioner model(SyntheticKind k) {
        String name = k == SyntheticKind.PAIRS ? Captioners.PAIRS : Captioners.IMAGES;
        Captioner m = models.get(name);
        if (m == null) {
            throw new UserInputException("no model '" + name + "' to bench");
        }
        return m;
    }

    /** Captions/s of direct model calls of {@code batch} inputs, after two warm-up calls. */
    private double modelAlone(Captioner m, List<CaptionInput> inputs, int batch, int total) {
        err.printf(
                "bench pipeline: %s alone, batch %d, %d inputs%n", m.info().name(), batch, total);
        m.caption(slice(inputs, 0, batch));
        m.caption(slice(inputs, batch, batch));
        long t0 = System.nanoTime();
        int done = 0;
        while (done < total) {
            int n = Math.min(batch, total - done);
            List<GeneratedCaption> caps = m.caption(slice(inputs, done, n));
            done += caps.size();
        }
        return done / ((System.nanoTime() - t0) / 1e9);
    }

    private static List<CaptionInput> slice(List<CaptionInput> pool, int from, int n) {
        List<CaptionInput> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(pool.get((from + i) % pool.size()));
        }
        return out;
    }

    /** The pool's images decoded as the worker decodes them. */
    private List<CaptionInput> inputs(SyntheticKind k, int size) {
        ImagePreprocessor pre = new ImagePreprocessor(size, 64L << 20);
        SyntheticFeed feed = feed(k, "alone-", benchConfig("alone", 1));
        List<CaptionInput> out = new ArrayList<>();
        try {
            for (int i = 0; i < POOL; i++) {
                Object v = feed.next().value();
                if (v instanceof ImagePairEvent e) {
                    ModelImage[] both =
                            pre.decodePair(
                                    bytes(e.getBefore().getBytes()),
                                    bytes(e.getAfter().getBytes()));
                    out.add(new CaptionInput.Pair(both[0], both[1]));
                } else {
                    out.add(
                            new CaptionInput.Single(
                                    pre.decode(bytes(((ImageEvent) v).getImage().getBytes()))));
                }
            }
        } catch (InvalidImageException e) {
            throw new IllegalStateException("a generated image does not decode", e);
        }
        return out;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private SyntheticFeed feed(SyntheticKind k, String idPrefix, CapstreamConfig c) {
        return new SyntheticFeed(
                k,
                io.capstream.schema.ConfiguredTopics.of(c, cluster.registry()),
                new ImagePayloads(c.get(ConfigKeys.INLINE_IMAGE_MAX_BYTES), s.spoolDir()),
                s.seed(),
                s.imageSize(),
                idPrefix,
                POOL);
    }

    /** The user's config with topics, application and batch size of the bench's own. */
    private CapstreamConfig benchConfig(String phase, int batch) {
        return configWith.apply(
                List.of(
                        "topic.prefix=bench-" + run + "-" + phase + ".",
                        "worker.max.batch.size=" + batch));
    }

    /** One worker at one batch size, with a producer and a caption clock on its topics. */
    private final class Phase implements AutoCloseable {
        private final CapstreamConfig c;
        private final CaptionWorker worker;
        private final EventProducer producer;
        private final CaptionClock clock;
        private final Map<SyntheticKind, SyntheticFeed> feeds = new LinkedHashMap<>();

        Phase(int batch) throws InterruptedException {
            c = benchConfig("b" + batch, batch);
            Map<String, Captioner> kept = new LinkedHashMap<>();
            models.forEach((name, m) -> kept.put(name, new KeptOpen(m)));
            worker =
                    CaptionWorker.builder()
                            .setConfig(c)
                            .setBootstrapServers(cluster.bootstrapServers())
                            .setRegistry(cluster.registry())
                            .setModels(kept)
                            .build()
                            .start();
            if (!worker.awaitRunning(WAIT)) {
                worker.close();
                throw new UserInputException("bench worker did not start: " + worker.state());
            }
            producer = new EventProducer(c, cluster.bootstrapServers());
            clock = new CaptionClock(cluster.bootstrapServers(), worker.topics().captions());
            // Rendered up front, so rendering never counts in a measurement.
            for (SyntheticKind k : s.kinds()) {
                feeds.put(k, feed(k, "", c));
            }
        }

        /** Captions/s of a burst of events sent as fast as the producer can. */
        double saturation(SyntheticKind k) throws InterruptedException {
            int batch = c.get(ConfigKeys.MAX_BATCH_SIZE);
            // A warm-up burst as large as the measured one: the first burst through a fresh JVM
            // runs the Kafka and Avro paths in the interpreter (measured: 57% of the model alone
            // for the first kind of a run with a 64-event warm-up, 98% for the second).
            send(k, Math.max(2 * batch, s.events()), 0);
            err.printf(
                    "bench pipeline: %s through the pipeline, max.batch.size %d, %d events%n",
                    k.id(), batch, s.events());
            long t0 = System.nanoTime();
            List<String> ids = send(k, s.events(), 0);
            return ids.size() / ((clock.lastArrival(ids) - t0) / 1e9);
        }

        /** Latency percentiles of events sent at a steady {@code rate} for the latency window. */
        Latency latency(SyntheticKind k, double rate) throws InterruptedException {
            int n = (int) Math.max(10, Math.round(rate * s.latencyWindow().toSeconds()));
            err.printf("bench pipeline: %s latency at %.1f events/s, %d events%n", k.id(), rate, n);
            List<String> ids = send(k, n, rate);
            double[] lat = clock.latencies(ids);
            return new Latency(
                    rate,
                    ids.size(),
                    DemoTally.percentile(lat, 50),
                    DemoTally.percentile(lat, 95),
                    DemoTally.percentile(lat, 99));
        }

        /** Sends {@code n} events (at {@code rate}/s, 0 for as fast as possible); waits for all. */
        private List<String> send(SyntheticKind k, int n, double rate) throws InterruptedException {
            SyntheticFeed feed = feeds.get(k);
            Pacer pacer = new Pacer(rate);
            List<String> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                pacer.awaitNext();
                Outgoing<?> o = feed.next();
                o.sendWith(producer);
                ids.add(o.id());
            }
            producer.flush();
            if (!clock.await(ids, WAIT)) {
                throw new UserInputException(
                        "bench: not every " + k.id() + " event got a caption within " + WAIT);
            }
            return ids;
        }

        @Override
        public void close() throws InterruptedException {
            try {
                clock.close();
                producer.close();
            } finally {
                worker.close();
            }
        }
    }

    /** Lends a model to one worker after another: the worker's close leaves it open. */
    private record KeptOpen(Captioner delegate) implements Captioner {
        @Override
        public ModelInfo info() {
            return delegate.info();
        }

        @Override
        public List<GeneratedCaption> caption(List<? extends CaptionInput> batch) {
            return delegate.caption(batch);
        }

        @Override
        public void close() {}
    }
}
