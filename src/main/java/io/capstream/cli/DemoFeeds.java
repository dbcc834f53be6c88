package io.capstream.cli;

import io.capstream.producer.EventProducer;
import io.capstream.producer.FaultyEvents;
import io.capstream.producer.ImagePayloads;
import io.capstream.producer.Outgoing;
import io.capstream.producer.Pacer;
import io.capstream.producer.SyntheticFeed;
import io.capstream.producer.SyntheticKind;
import io.capstream.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's producers: one thread per synthetic kind at a steady rate, and one that slips the
 * corrupt events in at evenly spaced moments of the run.
 */
final class DemoFeeds {
    private static final Logger log = LoggerFactory.getLogger(DemoFeeds.class);

    private final EventProducer producer;
    private final Topics topics;
    private final ImagePayloads payloads;
    private final long seed;
    private final int size;
    private final double ratePerKind;
    private final int corruptRounds;
    private final Duration duration;
    private final DemoTally tally;
    private final LiveView view;
    private final List<Thread> threads = new ArrayList<>();

    DemoFeeds(
            EventProducer producer,
            Topics topics,
            ImagePayloads payloads,
            long seed,
            int size,
            double ratePerKind,
            int corruptRounds,
            Duration duration,
            DemoTally tally,
            LiveView view) {
        this.producer = producer;
        this.topics = topics;
        this.payloads = payloads;
        this.seed = seed;
        this.size = size;
        this.ratePerKind = ratePerKind;
        this.corruptRounds = corruptRounds;
        this.duration = duration;
        this.tally = tally;
        this.view = view;
    }

    void start() {
        for (SyntheticKind kind : SyntheticKind.values()) {
            SyntheticFeed feed = new SyntheticFeed(kind, topics, payloads, seed, size, "", 0);
            threads.add(thread("demo-feed-" + kind.id(), () -> runFeed(kind, feed)));
        }
        if (corruptRounds > 0) {
            threads.add(thread("demo-feed-corrupt", this::runCorrupt));
        }
        threads.forEach(Thread::start);
    }

    private void runFeed(SyntheticKind kind, SyntheticFeed feed) {
        Pacer pacer = new Pacer(ratePerKind);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                pacer.awaitNext();
                Outgoing<?> o = feed.next();
                tally.produced(kind, o.id(), o.references());
                o.sendWith(producer);
            }
        } catch (InterruptedException stop) {
            // The run is over.
        } catch (RuntimeException e) {
            log.error("demo feed {} stopped: {}", kind.id(), e.toString());
        }
    }

    /** Corrupt event i of n is sent at (i + 1) / (n + 1) of the run. */
    private void runCorrupt() {
        int n = corruptRounds * FaultyEvents.ALL.size();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < n; i++) {
                long due = start + duration.toNanos() * (i + 1) / (n + 1);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                FaultyEvents.Fault fault = FaultyEvents.ALL.get(i % FaultyEvents.ALL.size());
                String id = "corrupt-" + i;
                FaultyEvents.make(fault, id, id, topics).sendWith(producer);
                tally.corrupt(fault);
                view.note("sent corrupt event " + id + " (" + fault + ")");
            }
        } catch (InterruptedException stop) {
            // The run is over.
        } catch (RuntimeException e) {
            log.error("demo corrupt feed stopped: {}", e.toString());
        }
    }

    /** Stops the producing threads and waits until everything sent is acknowledged. */
    void stop() throws InterruptedException {
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            t.join(10_000);
        }
        producer.flush();
    }

    private static Thread thread(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }
}
