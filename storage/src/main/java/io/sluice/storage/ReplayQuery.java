package io.sluice.storage;

/**
 * Which events a replay delivers: those of {@code queue} received in [{@code fromReceivedNanos},
 * {@code toReceivedNanos}) with a sequence of at least {@code fromSequence}, at most {@code limit} of them.
 *
 * @param queue             which queue to read
 * @param fromReceivedNanos inclusive lower bound on {@link io.sluice.core.LogEvent#receivedAtNanos()}, epoch nanos
 * @param toReceivedNanos   exclusive upper bound on the receive time
 * @param limit             most events to deliver, >= 1
 * @param fromSequence      lowest journal sequence to deliver (0: from the first)
 */
public record ReplayQuery(JournalQueue queue, long fromReceivedNanos, long toReceivedNanos, long limit,
                          long fromSequence) {
    public static final long NO_LIMIT = Long.MAX_VALUE;

    public ReplayQuery {
        if (queue == null) {
            throw new IllegalArgumentException("queue is required");
        }
        if (fromReceivedNanos > toReceivedNanos) {
            throw new IllegalArgumentException("from " + fromReceivedNanos + " is after to " + toReceivedNanos);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        if (fromSequence < 0) {
            throw new IllegalArgumentException("from sequence must be >= 0, got " + fromSequence);
        }
    }

    /** Every event of {@code queue}. */
    public static ReplayQuery all(JournalQueue queue) {
        return new ReplayQuery(queue, Long.MIN_VALUE, Long.MAX_VALUE, NO_LIMIT, 0);
    }

    public ReplayQuery between(long fromReceivedNanos, long toReceivedNanos) {
        return new ReplayQuery(queue, fromReceivedNanos, toReceivedNanos, limit, fromSequence);
    }

    public ReplayQuery withLimit(long limit) {
        return new ReplayQuery(queue, fromReceivedNanos, toReceivedNanos, limit, fromSequence);
    }

    public ReplayQuery withFromSequence(long fromSequence) {
        return new ReplayQuery(queue, fromReceivedNanos, toReceivedNanos, limit, fromSequence);
    }

    boolean matches(long sequence, long receivedAtNanos) {
        return sequence >= fromSequence && receivedAtNanos >= fromReceivedNanos && receivedAtNanos < toReceivedNanos;
    }
}
