package dev.llmrouter.simulator;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for simulated latency, but wakes every waiting handler as soon as the server closes, so that a stalled or
 * slow stream never keeps a thread (or a test) busy after shutdown.
 */
final class Pacer {

    /** Bounds a stall directive so that a forgotten stream cannot hold a thread for long. */
    static final long STALL_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final CountDownLatch closed = new CountDownLatch(1);

    /** Waits until {@code deadlineNanos} on the {@link System#nanoTime()} scale; false if the server closed meanwhile. */
    boolean until(long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return !isClosed();
        }
        try {
            return !closed.await(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Holds a stream open without sending anything, until the server closes or the stall limit passes. */
    void stall() {
        until(System.nanoTime() + STALL_LIMIT_NANOS);
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    void close() {
        closed.countDown();
    }
}
