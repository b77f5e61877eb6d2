package io.sluice.bench.load;

/**
 * Open-loop pacing for a fixed rate: how many events a sender may have sent by now, counted from its start, so a
 * late sender catches up instead of drifting. A rate of 0 means unthrottled.
 *
 * <p>Thread contract: one instance per sending thread; no allocation.
 */
public final class Pacer {
    private final double eventsPerNano;
    private final long startNanos;

    /** @param eventsPerSecond this sender's share of the target rate; 0 = as fast as possible */
    public Pacer(double eventsPerSecond, long startNanos) {
        if (eventsPerSecond < 0) {
            throw new IllegalArgumentException("rate must be >= 0, got " + eventsPerSecond);
        }
        this.eventsPerNano = eventsPerSecond / 1e9;
        this.startNanos = startNanos;
    }

    public boolean unthrottled() {
        return eventsPerNano == 0;
    }

    /** Events due by {@code nowNanos} in total (Long.MAX_VALUE when unthrottled). */
    public long due(long nowNanos) {
        return unthrottled() ? Long.MAX_VALUE : (long) ((nowNanos - startNanos) * eventsPerNano);
    }
}
