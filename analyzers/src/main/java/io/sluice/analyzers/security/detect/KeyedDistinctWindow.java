package io.sluice.analyzers.security.detect;

import java.util.Arrays;

/**
 * Per key, up to {@code k} distinct values (as 64-bit hashes) with the time and sequence of each one's latest event,
 * the oldest replaced first: the slots always hold the {@code k} most recently seen values, so "at least k distinct
 * values within the window" is exact without a set per key. Keys are bounded by an {@link LruKeyTable}; all arrays are
 * preallocated ({@code maxKeys * k} slots).
 *
 * <p>Thread contract: one writer thread; {@link #trackedKeys()} from any thread.
 */
final class KeyedDistinctWindow {
    private static final long EMPTY = Long.MIN_VALUE;

    private final LruKeyTable keys;
    private final int k;
    private final long windowNanos;
    private final long[] values;
    private final long[] times;
    private final long[] sequences;
    private int lastId = LruKeyTable.NONE;
    private long firstTime = Long.MAX_VALUE;

    KeyedDistinctWindow(int maxKeys, int k, long windowNanos) {
        this.keys = new LruKeyTable(maxKeys);
        this.k = k;
        this.windowNanos = windowNanos;
        int slots = Math.multiplyExact(maxKeys, k);
        this.values = new long[slots];
        this.times = new long[slots];
        this.sequences = new long[slots];
    }

    /** Records {@code value} for {@code key} at {@code atNanos}; returns the key's distinct values in the window. */
    int record(long key, long value, long atNanos, long sequence) {
        int id = keys.acquire(key);
        int base = id * k;
        if (keys.lastWasNew()) {
            Arrays.fill(times, base, base + k, EMPTY);
        }
        int target = -1;
        int oldest = base;
        for (int i = base; i < base + k; i++) {
            if (times[i] != EMPTY && values[i] == value) {
                target = i;
                break;
            }
            if (times[i] < times[oldest]) {
                oldest = i;
            }
        }
        if (target < 0) {
            target = oldest;
            values[target] = value;
            times[target] = atNanos;
        } else {
            times[target] = Math.max(times[target], atNanos);
        }
        sequences[target] = sequence;
        lastId = id;
        long since = atNanos - windowNanos;
        int n = 0;
        for (int i = base; i < base + k; i++) {
            if (times[i] > since) {
                n++;
            }
        }
        return n;
    }

    /**
     * Copies the sequence numbers of the latest event per distinct value of the last recorded key, in the window
     * ending at {@code atNanos}, in sequence order, into {@code out}; returns how many.
     */
    int evidence(long atNanos, long[] out) {
        firstTime = Long.MAX_VALUE;
        int n = 0;
        long since = atNanos - windowNanos;
        for (int i = lastId * k, end = i + k; i < end && n < out.length; i++) {
            if (times[i] > since) {
                out[n++] = sequences[i];
                firstTime = Math.min(firstTime, times[i]);
            }
        }
        Arrays.sort(out, 0, n);
        return n;
    }

    /** Time of the oldest value {@link #evidence} copied. */
    long firstInWindow() {
        return firstTime;
    }

    int trackedKeys() {
        return keys.size();
    }

    int depth() {
        return k;
    }
}
