package io.sluice.analyzers.counts;

import io.sluice.analyzers.window.ByteKeyIndex;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts per key, where a key is a byte span inside an event (an app-name, a hostname), without allocating for a
 * key seen before. Keys get dense ids from a {@link ByteKeyIndex}, whose cap bounds the table: past it every new key
 * counts under {@link #OVERFLOW_KEY}.
 *
 * <p>One writer thread (a ring consumer); any thread may call {@link #snapshot()}. Counts are written with ordered
 * (release) writes; a key's name is published by the index once its id is assigned.
 */
public final class ByteKeyCounterTable {
    public static final String OVERFLOW_KEY = ByteKeyIndex.OVERFLOW_KEY;
    public static final int DEFAULT_MAX_KEYS = ByteKeyIndex.DEFAULT_MAX_KEYS;

    private final ByteKeyIndex index;
    private final AtomicLongArray counts;

    public ByteKeyCounterTable(int maxKeys) {
        this.index = new ByteKeyIndex(maxKeys);
        this.counts = new AtomicLongArray(index.idCapacity());
    }

    /** Adds {@code delta} to the key {@code bytes[offset, offset+length)}. Writer thread only. */
    public void add(byte[] bytes, int offset, int length, long delta) {
        int id = index.idOf(bytes, offset, length);
        counts.setRelease(id, counts.getPlain(id) + delta);
    }

    /** Distinct keys tracked (excluding overflow). */
    public int size() {
        return index.size();
    }

    /** Count of events whose key arrived after the cap was reached. */
    public long overflow() {
        return counts.getAcquire(index.overflowId());
    }

    /** Copies the counts out, keys as UTF-8 strings; includes {@link #OVERFLOW_KEY} when non-zero. Any thread. */
    public Map<String, Long> snapshot() {
        Map<String, Long> result = new LinkedHashMap<>();
        for (int id = 0, n = index.size(); id < n; id++) {
            result.put(index.name(id), counts.getAcquire(id));
        }
        long over = overflow();
        if (over > 0) {
            result.merge(OVERFLOW_KEY, over, Long::sum);
        }
        return result;
    }
}
