package io.sluice.analyzers.window;

/**
 * A ring writer's memo of the bucket that holds the times it was last given: the events of a ring batch, and most
 * batches of a second, fall in one bucket, so all but the first event of a bucket skip the two 64-bit divisions that
 * finding the bucket and its slot take.
 *
 * <p>Thread contract: the writer's only, like the ring state it indexes.
 */
final class BucketCursor {
    private final int bucketSeconds;
    private final long bucketNanos;
    private final int slots;
    // [start, end) is the cached bucket's time span; empty until the first move, so any time misses it
    private long start;
    private long end;
    private long bucket;
    private int slot;

    BucketCursor(int bucketSeconds, int slots) {
        this.bucketSeconds = bucketSeconds;
        this.bucketNanos = bucketSeconds * BucketMath.NANOS_PER_SECOND;
        this.slots = slots;
    }

    /** Moves to the bucket holding {@code epochNanos} and returns its index ({@link BucketMath#bucketOf}). */
    long moveTo(long epochNanos) {
        if (epochNanos < start || epochNanos >= end) {
            bucket = BucketMath.bucketOf(epochNanos, bucketSeconds);
            start = bucket * bucketNanos;
            end = start + bucketNanos;
            slot = (int) Math.floorMod(bucket, (long) slots);
        }
        return bucket;
    }

    /** The ring slot of the bucket last moved to: its index modulo the ring's slots. */
    int slot() {
        return slot;
    }
}
