package io.sluice.analyzers.window;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Two counters per key (errors and events, or events and bytes) in a ring of time buckets. A key's array is allocated
 * when the key first counts; buckets are cleared lazily by the writer when its key moves to a later bucket, so a
 * quiet key costs nothing and a reader recognises stale buckets by the key's last bucket index alone.
 *
 * <p>Thread contract: one writer thread calls {@link #add}; it writes the counts plainly, then the key's last bucket
 * with a release write. Readers on any thread read that index with an acquire read first, so they see every count
 * written before it; a read racing the writer may miss the event being added (never sees a torn bucket index).
 */
public final class PairCounterRing {
    private static final long NEVER = Long.MIN_VALUE;

    private final int bucketSeconds;
    private final int slots;
    private final long[][] counts; // per id: [slot * 2] first counter, [slot * 2 + 1] second
    private final AtomicLongArray lastBucket;
    /** Writer only: events published together share their receive time, and a second's events their bucket. */
    private final BucketCursor cursor;

    /**
     * @param ids           key ids (the index's capacity)
     * @param bucketSeconds seconds per bucket
     * @param slots         buckets kept: more than the longest window read, so the writer never clears one a
     *                      reader is summing
     */
    public PairCounterRing(int ids, int bucketSeconds, int slots) {
        this.bucketSeconds = bucketSeconds;
        this.slots = slots;
        this.counts = new long[ids][];
        this.lastBucket = new AtomicLongArray(ids);
        this.cursor = new BucketCursor(bucketSeconds, slots);
        for (int id = 0; id < ids; id++) {
            lastBucket.setPlain(id, NEVER);
        }
    }

    /** Adds to key {@code id}'s counters in the bucket of {@code epochNanos}. Writer thread only. */
    public void add(int id, long epochNanos, long first, long second) {
        long[] c = counts[id];
        if (c == null) {
            c = new long[slots * 2]; // once per key
            counts[id] = c;
        }
        long bucket = cursor.moveTo(epochNanos);
        long last = lastBucket.getPlain(id);
        if (bucket > last) {
            clearAfter(c, last, bucket);
            last = bucket;
        } else if (last - bucket >= slots) {
            return; // too late for the ring: its bucket was already reused
        }
        int slot = cursor.slot() * 2;
        c[slot] += first;
        c[slot + 1] += second;
        lastBucket.setRelease(id, last);
    }

    /** Zeroes the buckets after {@code last} up to {@code bucket}: they may hold a previous lap's counts. */
    private void clearAfter(long[] c, long last, long bucket) {
        long from = last == NEVER || bucket - last > slots ? bucket - slots + 1 : last + 1;
        for (long b = from; b <= bucket; b++) {
            int slot = (int) Math.floorMod(b, (long) slots) * 2;
            c[slot] = 0;
            c[slot + 1] = 0;
        }
    }

    /**
     * Sums key {@code id}'s counters over the {@code buckets} buckets ending with the one holding {@code nowNanos}
     * into {@code out[0]}, {@code out[1]}. Any thread.
     */
    public void sum(int id, int buckets, long nowNanos, long[] out) {
        out[0] = 0;
        out[1] = 0;
        long last = lastBucket.getAcquire(id);
        long[] c = counts[id];
        if (last == NEVER || c == null) {
            return;
        }
        long newest = Math.min(last, BucketMath.bucketOf(nowNanos, bucketSeconds));
        long oldest = Math.max(BucketMath.bucketOf(nowNanos, bucketSeconds) - buckets + 1, last - slots + 1);
        for (long b = oldest; b <= newest; b++) {
            int slot = (int) Math.floorMod(b, (long) slots) * 2;
            out[0] += c[slot];
            out[1] += c[slot + 1];
        }
    }

    /** Epoch second at which key {@code id} last counted, or {@link Long#MIN_VALUE} if never. Any thread. */
    public long lastSecond(int id) {
        long last = lastBucket.getAcquire(id);
        return last == NEVER ? NEVER : last * bucketSeconds;
    }

    public int bucketSeconds() {
        return bucketSeconds;
    }
}
