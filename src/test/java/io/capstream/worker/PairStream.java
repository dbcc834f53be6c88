package io.capstream.worker;

import io.capstream.producer.EventProducer;
import io.capstream.producer.ImagePayloads;
import io.capstream.producer.Outgoing;
import io.capstream.producer.SyntheticFeed;
import io.capstream.producer.SyntheticKind;
import io.capstream.schema.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends pair events continuously (one every {@code periodMs}) on a thread of its own, and records
 * the test phase each was sent in (owns the producer), so a test can check what captioned the
 * events sent before, during and after a model switch.
 */
final class PairStream implements AutoCloseable {
    private final EventProducer producer;
    private final SyntheticFeed feed;
    private final long periodMs;
    private final Map<String, Integer> phaseByEvent = new ConcurrentHashMap<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger phase = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    PairStream(EventProducer producer, Topics topics, Path tmp, String idPrefix, long periodMs) {
        this.producer = producer;
        this.feed =
                new SyntheticFeed(
                        SyntheticKind.PAIRS,
                        topics,
                        new ImagePayloads(1 << 20, tmp),
                        5,
                        32,
                        idPrefix,
                        8);
        this.periodMs = periodMs;
        this.thread = new Thread(this::run, "pair-stream");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void run() {
        try {
            while (running) {
                int p = phase.get(); // read before sending: the event is sent in this phase or
                // later
                Outgoing<?> o = feed.next();
                o.sendWith(producer);
                phaseByEvent.put(o.id(), p);
                sent.add(o.id());
                producer.flush();
                Thread.sleep(periodMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Events sent from now on belong to {@code p}. */
    void phase(int p) {
        phase.set(p);
    }

    /** Ids of the events sent so far, in order. */
    List<String> sent() {
        return sent;
    }

    /** The phase an event was sent in. */
    int phaseOf(String eventId) {
        return phaseByEvent.get(eventId);
    }

    /** Whether an event sent in {@code fromPhase} or later has a caption from version {@code v}. */
    boolean seen(CaptionTail tail, int fromPhase, int v) {
        for (String id : sent()) {
            if (phaseOf(id) >= fromPhase && Integer.valueOf(v).equals(tail.version(id))) {
                return true;
            }
        }
        return false;
    }

    /** How many events sent in {@code phase} have a caption. */
    int captioned(CaptionTail tail, int phase) {
        int n = 0;
        for (String id : sent()) {
            n += phaseOf(id) == phase && tail.version(id) != null ? 1 : 0;
        }
        return n;
    }

    /** Stops sending and closes the producer (which flushes every event sent). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
        producer.close();
        if (failure != null) {
            throw new IllegalStateException("sending events failed", failure);
        }
    }
}
