package io.sluice.analyzers.counts;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Events per second over the last few whole seconds: a ring of per-second buckets keyed by epoch second. One
 * writer (a ring consumer) adds; any thread reads. A bucket left over from an earlier lap is recognised by its
 * stamp and ignored, so a quiet source reads as zero without any timer.
 */
public final class EventRateWindow {
    private final int seconds;
    private final int mask;
    private final AtomicLongArray stamps;
    private final AtomicLongArray counts;

    public EventRateWindow(int seconds) {
        if (seconds < 1) {
            throw new IllegalArgumentException("window must be at least one second");
        }
        this.seconds = seconds;
        int capacity = Integer.highestOneBit(seconds + 1) << 1;
        this.mask = capacity - 1;
        this.stamps = new AtomicLongArray(capacity);
        this.counts = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            stamps.setPlain(i, Long.MIN_VALUE);
        }
    }

    /** Counts {@code n} events in epoch second {@code second}. Writer thread only. */
    public void add(long second, long n) {
        int slot = (int) (second & mask);
        if (stamps.getPlain(slot) != second) {
            counts.setRelease(slot, n);
            stamps.setRelease(slot, second);
        } else {
            counts.setRelease(slot, counts.getPlain(slot) + n);
        }
    }

    /** Average events/s over the {@code seconds} whole seconds before {@code nowSecond}. Any thread. */
    public double ratePerSecond(long nowSecond) {
        long sum = 0;
        for (long s = nowSecond - seconds; s < nowSecond; s++) {
            int slot = (int) (s & mask);
            long count = counts.getAcquire(slot);
            if (stamps.getAcquire(slot) == s) {
                sum += count;
            }
        }
        return (double) sum / seconds;
    }

    public int seconds() {
        return seconds;
    }
}
