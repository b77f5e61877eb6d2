package io.sluice.analyzers.counts;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts per key, where a key is a byte span inside an event (an app-name, a hostname), without allocating for a
 * key seen before. Open addressing, linear probing; the number of distinct keys is capped so that a flood of unique
 * names cannot eat the heap: past the cap every new key counts under {@link #OVERFLOW_KEY}.
 *
 * <p>One writer thread (a ring consumer); any thread may call {@link #snapshot()}. A key's bytes are copied once, when
 * first seen, and published with an ordered write after its count slot is ready.
 */
public final class ByteKeyCounterTable {
    public static final String OVERFLOW_KEY = "other";
    public static final int DEFAULT_MAX_KEYS = 10_000;

    private final int maxKeys;
    private final int mask;
    private final AtomicReferenceArray<byte[]> keys;
    private final int[] hashes;
    private final AtomicLongArray counts;
    private int size;
    private long overflow;
    private volatile long overflowPublished;

    public ByteKeyCounterTable(int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("max keys must be positive, got " + maxKeys);
        }
        this.maxKeys = maxKeys;
        int capacity = Integer.highestOneBit(maxKeys * 2 - 1) << 1; // load factor <= 0.5
        this.mask = capacity - 1;
        this.keys = new AtomicReferenceArray<>(capacity);
        this.hashes = new int[capacity];
        this.counts = new AtomicLongArray(capacity);
    }

    /** Adds {@code delta} to the key {@code bytes[offset, offset+length)}. Writer thread only. */
    public void add(byte[] bytes, int offset, int length, long delta) {
        int hash = hash(bytes, offset, length);
        int slot = hash & mask;
        while (true) {
            byte[] key = keys.getPlain(slot);
            if (key == null) {
                if (size >= maxKeys) {
                    overflow += delta;
                    overflowPublished = overflow;
                    return;
                }
                insert(slot, hash, bytes, offset, length, delta);
                return;
            }
            if (hashes[slot] == hash && equals(key, bytes, offset, length)) {
                counts.setRelease(slot, counts.getPlain(slot) + delta);
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void insert(int slot, int hash, byte[] bytes, int offset, int length, long delta) {
        byte[] key = new byte[length];
        System.arraycopy(bytes, offset, key, 0, length);
        hashes[slot] = hash;
        counts.setRelease(slot, delta);
        keys.setRelease(slot, key);
        size++;
    }

    /** Distinct keys tracked (excluding overflow). Writer thread, or approximate elsewhere. */
    public int size() {
        return size;
    }

    /** Count of events whose key arrived after the cap was reached. */
    public long overflow() {
        return overflowPublished;
    }

    /** Copies the counts out, keys as UTF-8 strings; includes {@link #OVERFLOW_KEY} when non-zero. Any thread. */
    public Map<String, Long> snapshot() {
        Map<String, Long> result = new LinkedHashMap<>();
        for (int i = 0; i <= mask; i++) {
            byte[] key = keys.getAcquire(i);
            if (key != null) {
                result.put(new String(key, StandardCharsets.UTF_8), counts.getAcquire(i));
            }
        }
        long over = overflowPublished;
        if (over > 0) {
            result.merge(OVERFLOW_KEY, over, Long::sum);
        }
        return result;
    }

    private static int hash(byte[] bytes, int offset, int length) {
        int h = 0x811C9DC5; // FNV-1a
        for (int i = offset, end = offset + length; i < end; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    private static boolean equals(byte[] key, byte[] bytes, int offset, int length) {
        return key.length == length && java.util.Arrays.equals(key, 0, length, bytes, offset, offset + length);
    }
}
