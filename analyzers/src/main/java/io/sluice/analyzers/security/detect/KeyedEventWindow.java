package io.sluice.analyzers.security.detect;

/**
 * Per key, the times and journal sequence numbers of its latest {@code depth} events: exactly what "at least depth
 * events within the window" needs, and the evidence when it trips. Keys are bounded by an {@link LruKeyTable}; all
 * arrays are preallocated ({@code maxKeys * depth} slots).
 *
 * <p>Thread contract: one writer thread; {@link #trackedKeys()} from any thread.
 */
final class KeyedEventWindow {
    private final LruKeyTable keys;
    private final int depth;
    private final long windowNanos;
    private final long[] times;
    private final long[] sequences;
    private final int[] nextSlot;
    private final int[] filled;
    private int lastId = LruKeyTable.NONE;
    private long firstTime = Long.MAX_VALUE;

    KeyedEventWindow(int maxKeys, int depth, long windowNanos) {
        this.keys = new LruKeyTable(maxKeys);
        this.depth = depth;
        this.windowNanos = windowNanos;
        int slots = Math.multiplyExact(maxKeys, depth);
        this.times = new long[slots];
        this.sequences = new long[slots];
        this.nextSlot = new int[maxKeys];
        this.filled = new int[maxKeys];
    }

    /** Records an event of {@code key} at {@code atNanos}; returns the key's events in the window, this one included. */
    int record(long key, long atNanos, long sequence) {
        int id = keys.acquire(key);
        if (keys.lastWasNew()) {
            nextSlot[id] = 0;
            filled[id] = 0;
        }
        int slot = nextSlot[id];
        times[id * depth + slot] = atNanos;
        sequences[id * depth + slot] = sequence;
        nextSlot[id] = slot + 1 == depth ? 0 : slot + 1;
        if (filled[id] < depth) {
            filled[id]++;
        }
        lastId = id;
        return countSince(id, atNanos - windowNanos);
    }

    /** The key's events in the window ending at {@code atNanos}, without recording (0 for an unknown key). */
    int count(long key, long atNanos) {
        int id = keys.find(key);
        lastId = id;
        return id == LruKeyTable.NONE ? 0 : countSince(id, atNanos - windowNanos);
    }

    /**
     * Copies the sequence numbers of the last recorded or counted key's events in the window ending at
     * {@code atNanos}, oldest first, into {@code out}; returns how many. Sets {@link #firstInWindow}'s answer.
     */
    int evidence(long atNanos, long[] out) {
        firstTime = Long.MAX_VALUE;
        if (lastId == LruKeyTable.NONE) {
            return 0;
        }
        int n = 0;
        int count = filled[lastId];
        int start = count < depth ? 0 : nextSlot[lastId];
        long since = atNanos - windowNanos;
        for (int k = 0; k < count && n < out.length; k++) {
            int i = lastId * depth + (start + k) % depth;
            if (times[i] > since) {
                out[n++] = sequences[i];
                firstTime = Math.min(firstTime, times[i]);
            }
        }
        return n;
    }

    /** Time of the oldest event {@link #evidence} copied. */
    long firstInWindow() {
        return firstTime;
    }

    int trackedKeys() {
        return keys.size();
    }

    int depth() {
        return depth;
    }

    private int countSince(int id, long since) {
        int n = 0;
        for (int i = id * depth, end = i + filled[id]; i < end; i++) {
            if (times[i] > since) {
                n++;
            }
        }
        return n;
    }
}
