package io.sluice.analyzers.counts;

import io.sluice.analyzers.window.PairCounterRing;

/**
 * Events per second over the last few whole seconds: one key's per-second buckets in a {@link PairCounterRing}, the
 * same ring the windowed analyzers keep per key. One writer (a ring consumer) adds; any thread reads. A bucket left
 * over from an earlier lap is recognised and ignored, so a quiet source reads as zero without any timer.
 */
public final class EventRateWindow {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int seconds;
    private final PairCounterRing ring;
    private final long[] sums = new long[2]; // readers only, under this object's lock

    public EventRateWindow(int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("window must be at least one second");
        }
        this.seconds = seconds;
        this.ring = new PairCounterRing(1, 1, seconds + 2);
    }

    /** Counts {@code n} events in epoch second {@code second}. Writer thread only. */
    public void add(long second, long n) {
        ring.add(0, second * NANOS_PER_SECOND, n, 0);
    }

    /** Average events/s over the {@code seconds} whole seconds before {@code nowSecond}. Any thread. */
    public synchronized double ratePerSecond(long nowSecond) {
        ring.sum(0, seconds, (nowSecond - 1) * NANOS_PER_SECOND, sums);
        return (double) sums[0] / seconds;
    }

    public int seconds() {
        return seconds;
    }
}
