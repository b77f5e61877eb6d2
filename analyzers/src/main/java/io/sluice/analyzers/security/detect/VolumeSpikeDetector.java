package io.sluice.analyzers.security.detect;

import io.sluice.analyzers.window.EventKeys;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;

/**
 * Volume anomalies per source host (HOSTNAME, else the peer's address): events per bucket against an EWMA of the
 * host's own past buckets and their deviation (see {@link VolumeSettings}). The trip threshold of a bucket is fixed
 * when the bucket opens, so an event costs a hash, a table probe and a compare; an event past it is a P3 detection
 * (every such event updates the same anomaly). A source gone silent is the shipped throughput == 0 alert rule's job.
 *
 * <p>Thread contract: the security stage's thread, allocation-free; {@link #trackedKeys()} from any thread.
 */
final class VolumeSpikeDetector {
    private final LruKeyTable hosts;
    private final long bucketNanos;
    private final double alpha;
    private final double sigmas;
    private final double meanFactor;
    private final long minEvents;
    private final int warmupBuckets;
    private final long[] bucket;
    private final long[] count;
    private final long[] threshold;
    private final double[] mean;
    private final double[] variance;
    private final int[] observed;

    VolumeSpikeDetector(VolumeSettings settings, int maxKeys) {
        this.hosts = new LruKeyTable(maxKeys);
        this.bucketNanos = settings.bucket().toNanos();
        this.alpha = settings.alpha();
        this.sigmas = settings.sigmas();
        this.meanFactor = settings.meanFactor();
        this.minEvents = settings.minEvents();
        this.warmupBuckets = settings.warmupBuckets();
        this.bucket = new long[maxKeys];
        this.count = new long[maxKeys];
        this.threshold = new long[maxKeys];
        this.mean = new double[maxKeys];
        this.variance = new double[maxKeys];
        this.observed = new int[maxKeys];
    }

    /** Counts {@code event} for its host; fills {@code out} and returns true when the host's bucket is spiking. */
    boolean onEvent(LogEvent event, Detection out) {
        byte[] bytes;
        int offset;
        int length = event.spanLength(Field.HOSTNAME);
        if (length > 0) {
            bytes = event.raw();
            offset = event.spanOffset(Field.HOSTNAME);
        } else {
            bytes = event.peer();
            offset = EventKeys.peerHostOffset(bytes, event.peerLength());
            length = EventKeys.peerHostLength(bytes, event.peerLength());
            if (length <= 0) {
                return false;
            }
        }
        long key = KeyHash.of(bytes, offset, length);
        long at = event.receivedAtNanos();
        long b = Math.floorDiv(at, bucketNanos);
        int id = hosts.acquire(key);
        if (hosts.lastWasNew()) {
            restart(id, b);
        } else if (b > bucket[id]) {
            roll(id, b);
        }
        long c = ++count[id];
        if (c <= threshold[id]) {
            return false;
        }
        out.trip(DetectorKind.VOLUME_SPIKE, Priority.P3, SubjectType.HOST, bytes, offset, length, key, event,
            (int) Math.min(Integer.MAX_VALUE, c)).addOwnSequence();
        out.baselineMean = mean[id];
        out.baselineStddev = Math.sqrt(variance[id]);
        return true;
    }

    int trackedKeys() {
        return hosts.size();
    }

    /** Closes the buckets up to {@code newBucket} (empty ones count as zero) and fixes the new bucket's threshold. */
    private void roll(int id, long newBucket) {
        long gap = newBucket - bucket[id];
        if (gap > warmupBuckets) {
            restart(id, newBucket); // silent longer than a warm-up: the old baseline says nothing any more
            return;
        }
        observe(id, count[id]);
        for (long k = 1; k < gap; k++) {
            observe(id, 0);
        }
        bucket[id] = newBucket;
        count[id] = 0;
        if (observed[id] >= warmupBuckets) {
            double m = mean[id];
            double limit = Math.max(Math.max(m + sigmas * Math.sqrt(variance[id]), meanFactor * m), minEvents);
            threshold[id] = (long) limit;
        }
    }

    /** West's incremental EWMA mean and variance. */
    private void observe(int id, long x) {
        if (observed[id] == 0) {
            mean[id] = x;
            variance[id] = 0;
        } else {
            double diff = x - mean[id];
            double increment = alpha * diff;
            mean[id] += increment;
            variance[id] = (1 - alpha) * (variance[id] + diff * increment);
        }
        observed[id]++;
    }

    private void restart(int id, long newBucket) {
        bucket[id] = newBucket;
        count[id] = 0;
        threshold[id] = Long.MAX_VALUE;
        mean[id] = 0;
        variance[id] = 0;
        observed[id] = 0;
    }
}
