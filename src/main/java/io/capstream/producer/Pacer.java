package io.capstream.producer;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces events at a steady rate: event {@code i} is due {@code i / rate} seconds after the first.
 * Falling behind (rendering slower than the rate) never makes it burst more than one event.
 */
public final class Pacer {
    private final double perSecond;
    private long startNanos = -1;
    private long issued;

    /**
     * @param perSecond events per second; 0 or less means as fast as possible
     */
    public Pacer(double perSecond) {
        this.perSecond = perSecond;
    }

    /** Blocks until the next event is due. */
    public void awaitNext() throws InterruptedException {
        long now = System.nanoTime();
        if (startNanos < 0) {
            startNanos = now;
        }
        if (perSecond > 0) {
            long due = startNanos + (long) (issued * 1e9 / perSecond);
            if (due < now - (long) (1e9 / perSecond)) {
                // Behind by more than one slot: restart the schedule instead of bursting.
                startNanos = now;
                issued = 0;
                due = now;
            }
            while ((now = System.nanoTime()) < due) {
                LockSupport.parkNanos(due - now);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
        issued++;
    }
}
