package io.sluice.analyzers.window;

import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * One key's latency in a ring of time buckets, an HdrHistogram each, preallocated; a window is read by adding its
 * buckets into the reader's histogram. A bucket is reset by the writer when the ring comes back to it.
 *
 * <p>Thread contract: one writer thread calls {@link #record}; it records plainly, then stamps the bucket's index with
 * a release write. Readers on any thread check each stamp with an acquire read before adding the bucket. The ring has
 * one slot more than the longest window read, so the bucket the writer resets is not one a reader adds, unless the
 * reader's clock lags the events by a whole bucket; a read racing the writer may miss the samples being recorded.
 */
public final class HistogramRing {
    private static final long NEVER = Long.MIN_VALUE;

    private final int bucketSeconds;
    private final IntCountsHistogram[] buckets;
    private final AtomicLongArray stamps;
    private final BucketCursor cursor;

    public HistogramRing(int bucketSeconds, int slots, long highestMicros, int significantDigits) {
        this.bucketSeconds = bucketSeconds;
        this.buckets = new IntCountsHistogram[slots];
        this.stamps = new AtomicLongArray(slots);
        this.cursor = new BucketCursor(bucketSeconds, slots);
        for (int i = 0; i < slots; i++) {
            buckets[i] = new IntCountsHistogram(1, highestMicros, significantDigits);
            stamps.setPlain(i, NEVER);
        }
    }

    /** Records {@code count} samples of {@code micros} (within range) at {@code epochNanos}. Writer thread only. */
    public void record(long epochNanos, long micros, long count) {
        long bucket = cursor.moveTo(epochNanos);
        int slot = cursor.slot();
        long stamp = stamps.getPlain(slot);
        if (stamp != bucket) {
            if (stamp > bucket) {
                return; // too late: the slot already holds a later lap
            }
            buckets[slot].reset();
        }
        buckets[slot].recordValueWithCount(micros, count);
        stamps.setRelease(slot, bucket);
    }

    /** Adds the {@code count} buckets ending with the one holding {@code nowNanos} into {@code into}. Any thread. */
    public void addWindowTo(AbstractHistogram into, int count, long nowNanos) {
        long newest = BucketMath.bucketOf(nowNanos, bucketSeconds);
        for (long b = newest - count + 1; b <= newest; b++) {
            int slot = (int) Math.floorMod(b, (long) buckets.length);
            if (stamps.getAcquire(slot) == b) {
                into.add(buckets[slot]);
            }
        }
    }

    public int bucketSeconds() {
        return bucketSeconds;
    }
}
