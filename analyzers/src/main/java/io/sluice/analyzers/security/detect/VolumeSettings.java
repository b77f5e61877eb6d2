package io.sluice.analyzers.security.detect;

import java.time.Duration;

/**
 * The volume-spike rule: a host's events per bucket are compared with an exponentially weighted mean and deviation of
 * its own past buckets; a bucket trips when its count exceeds {@code mean + sigmas * stddev}, {@code meanFactor *
 * mean} and {@code minEvents}, all three, once {@code warmupBuckets} buckets have built the baseline. A host silent for
 * longer than the warm-up starts a new baseline. A source gone silent is not detected here: the shipped alert rule on
 * throughput == 0 covers it.
 *
 * @param bucket        bucket length (the rate's resolution)
 * @param alpha         EWMA weight of the newest bucket, in (0, 1]
 * @param sigmas        deviations above the mean that count as far above it
 * @param meanFactor    times the mean a bucket must also exceed (guards hosts with a near-constant rate)
 * @param minEvents     events a bucket must also exceed (guards near-silent hosts)
 * @param warmupBuckets buckets before a baseline is trusted
 * @param quiet         how long without a spiking bucket before the anomaly closes
 */
public record VolumeSettings(Duration bucket, double alpha, double sigmas, double meanFactor, long minEvents,
                             int warmupBuckets, Duration quiet) {
    public static final Duration DEFAULT_BUCKET = Duration.ofSeconds(10);
    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_SIGMAS = 4.0;
    public static final double DEFAULT_MEAN_FACTOR = 3.0;
    public static final long DEFAULT_MIN_EVENTS = 50;
    public static final int DEFAULT_WARMUP_BUCKETS = 30;
    public static final Duration DEFAULT_QUIET = Duration.ofMinutes(1);

    public VolumeSettings {
        if (bucket == null || bucket.toSeconds() < 1 || bucket.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("volume bucket must be whole seconds >= 1, got " + bucket);
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("volume alpha must be in (0, 1], got " + alpha);
        }
        if (!(sigmas >= 0) || !(meanFactor >= 1) || minEvents < 0 || warmupBuckets < 1) {
            throw new IllegalArgumentException("volume sigmas >= 0, mean factor >= 1, min events >= 0 and warm-up"
                + " >= 1 required, got " + sigmas + ", " + meanFactor + ", " + minEvents + ", " + warmupBuckets);
        }
        if (quiet == null || quiet.isNegative() || quiet.isZero()) {
            throw new IllegalArgumentException("volume quiet period must be positive, got " + quiet);
        }
    }

    public static VolumeSettings defaults() {
        return new VolumeSettings(DEFAULT_BUCKET, DEFAULT_ALPHA, DEFAULT_SIGMAS, DEFAULT_MEAN_FACTOR,
            DEFAULT_MIN_EVENTS, DEFAULT_WARMUP_BUCKETS, DEFAULT_QUIET);
    }
}
