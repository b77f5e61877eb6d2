package io.sluice.analyzers.window;

import io.sluice.analyzers.stats.Dimension;
import io.sluice.analyzers.stats.Window;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A pair of counters per key of one {@link Dimension}, over every {@link Window}: 1 m from per-second buckets (exact
 * to the second), 5 m and 15 m from 5-second buckets (they slide in 5 s steps). Memory per key: 64 + 184 buckets of
 * two longs, about 4 KB, allocated when the key is first seen; keys are capped by the {@link ByteKeyIndex}, which the
 * writer resolves (see {@link DimensionKeys}) and may share with other counters written on the same thread.
 *
 * <p>Thread contract: one writer thread calls {@link #add} and {@link #flush}; readers on any thread call the rest
 * and see what was flushed (see {@link PairCounterRing} for what a read racing the writer sees).
 */
public final class KeyedWindowCounters {
    static final int FINE_SECONDS = 1;
    static final int FINE_SLOTS = 64; // > 60 buckets of the 1 m window
    static final int COARSE_SECONDS = 5;
    static final int COARSE_SLOTS = 184; // > 180 buckets of the 15 m window
    private static final int NO_RUN = -1;

    private final Dimension dimension;
    private final ByteKeyIndex index;
    private final PairCounterRing fine;
    private final PairCounterRing coarse;
    /** The pending run (writer only): one key's counts within one fine bucket, not yet in the rings. */
    private final BucketCursor runBuckets = new BucketCursor(FINE_SECONDS, FINE_SLOTS);
    private int runId = NO_RUN;
    private long runBucket;
    private long runAt;
    private long runFirst;
    private long runSecond;

    /** @param index the dimension's keys, whose ids {@link #add} is given; written on this counters' writer thread */
    public KeyedWindowCounters(Dimension dimension, ByteKeyIndex index) {
        this.dimension = dimension;
        this.index = index;
        this.fine = new PairCounterRing(index.idCapacity(), FINE_SECONDS, FINE_SLOTS);
        this.coarse = new PairCounterRing(index.idCapacity(), COARSE_SECONDS, COARSE_SLOTS);
    }

    /**
     * Counts {@code first} and {@code second} for key {@code id} (of the index) at {@code epochNanos}. Writer only.
     * Readers see the counts after the next {@link #flush}: consecutive adds to one key within one second are summed
     * into a pending run first, so a batch of one stream's events writes each ring once instead of once per event.
     */
    public void add(int id, long epochNanos, long first, long second) {
        long bucket = runBuckets.moveTo(epochNanos);
        if (id == runId && bucket == runBucket) {
            runFirst += first;
            runSecond += second;
            return;
        }
        flush();
        runId = id;
        runBucket = bucket;
        runAt = epochNanos;
        runFirst = first;
        runSecond = second;
    }

    /** Writes the pending run to the rings, where readers see it. Writer only; call at the end of each ring batch. */
    public void flush() {
        if (runId != NO_RUN) {
            fine.add(runId, runAt, runFirst, runSecond);
            coarse.add(runId, runAt, runFirst, runSecond);
            runId = NO_RUN;
        }
    }

    /**
     * Sums both counters of {@code key} over {@code window} read at {@code nowNanos} into {@code out[0..1]}; zeros
     * for a key never seen. Any thread.
     */
    public void sum(String key, Window window, long nowNanos, long[] out) {
        int id = index.find(key);
        if (id < 0) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        PairCounterRing ring = ringFor(window);
        ring.sum(id, window.seconds() / ring.bucketSeconds(), nowNanos, out);
    }

    /** Seconds {@code window} spans when read at {@code nowNanos} (its newest bucket is partial). */
    public double coveredSeconds(Window window, long nowNanos) {
        PairCounterRing ring = ringFor(window);
        return BucketMath.coveredSeconds(window.seconds() / ring.bucketSeconds(), ring.bucketSeconds(), nowNanos);
    }

    /** Keys that counted within the {@code seconds} before {@code nowNanos}, "other" included. Any thread. */
    public Set<String> keysSince(long nowNanos, int seconds) {
        long since = Math.floorDiv(nowNanos, 1_000_000_000L) - seconds;
        Set<String> keys = new LinkedHashSet<>();
        for (int id = 0, n = index.size(); id < n; id++) {
            if (coarse.lastSecond(id) > since - COARSE_SECONDS) {
                keys.add(index.name(id));
            }
        }
        if (index.overflowed() && coarse.lastSecond(index.overflowId()) > since - COARSE_SECONDS) {
            keys.add(ByteKeyIndex.OVERFLOW_KEY);
        }
        return keys;
    }

    public Dimension dimension() {
        return dimension;
    }

    private PairCounterRing ringFor(Window window) {
        return window.seconds() <= Window.ONE_MINUTE.seconds() ? fine : coarse;
    }
}
