package io.sluice.server.alerts;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one notification destination. Written on the outbox thread, read by {@code /metrics} scrapes from
 * any thread.
 */
public final class DestinationMetrics {
    final LongAdder attempts = new LongAdder();
    final LongAdder failures = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder dropped = new LongAdder();
    private final String destination;
    private volatile long queued;

    DestinationMetrics(String destination) {
        this.destination = destination;
    }

    /** {@code alertmanager}, {@code webhook-1}, ... (never the URL: it may hold a token). */
    public String destination() {
        return destination;
    }

    /** HTTP requests sent (each may carry several alerts). */
    public long attempts() {
        return attempts.sum();
    }

    /** Requests that failed: connection error, timeout, or a non-2xx answer. */
    public long failures() {
        return failures.sum();
    }

    /** Alert notifications the destination acknowledged with 2xx. */
    public long delivered() {
        return delivered.sum();
    }

    /** Notifications given up: pushed out of a full outbox, or refused with a 4xx that retrying cannot fix. */
    public long dropped() {
        return dropped.sum();
    }

    /** Notifications in the outbox waiting for this destination. */
    public long queued() {
        return queued;
    }

    void queued(long value) {
        queued = value;
    }
}
