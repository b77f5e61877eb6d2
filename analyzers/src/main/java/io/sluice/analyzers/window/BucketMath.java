package io.sluice.analyzers.window;

/**
 * Time arithmetic shared by the bucket rings. Time is cut into buckets of {@code bucketSeconds} epoch seconds; a
 * window of {@code n} buckets read at {@code now} is the bucket holding {@code now} (partial) plus the {@code n - 1}
 * before it, so it covers between {@code (n-1) * bucketSeconds} and {@code n * bucketSeconds} seconds and sees an
 * event the moment its batch is handled. Stateless.
 */
public final class BucketMath {
    static final long NANOS_PER_SECOND = 1_000_000_000L;

    private BucketMath() {
    }

    /** Index of the bucket holding {@code epochNanos}. */
    public static long bucketOf(long epochNanos, int bucketSeconds) {
        return Math.floorDiv(epochNanos, bucketSeconds * NANOS_PER_SECOND);
    }

    /** Seconds a window of {@code buckets} buckets read at {@code nowNanos} spans: the full ones plus the partial. */
    public static double coveredSeconds(int buckets, int bucketSeconds, long nowNanos) {
        long bucketNanos = bucketSeconds * NANOS_PER_SECOND;
        long intoCurrent = Math.floorMod(nowNanos, bucketNanos);
        return (buckets - 1) * (double) bucketSeconds + intoCurrent / (double) NANOS_PER_SECOND;
    }
}
