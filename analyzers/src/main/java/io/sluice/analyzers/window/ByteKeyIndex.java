package io.sluice.analyzers.window;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Gives each distinct key (a byte span of an event: an app-name, a hostname) a dense id {@code 0..maxKeys-1}, so that
 * per-key state lives in arrays indexed by id. Open addressing, linear probing; a key's bytes are copied once, when
 * first seen. Past the cap every new key maps to {@link #overflowId()}, named {@link #OVERFLOW_KEY}, so a flood of
 * unique names cannot eat the heap.
 *
 * <p>Thread contract: one writer thread calls {@link #idOf}; any thread may call the read methods. A new key's name is
 * published with a release write after its id is assigned; readers resolve names through their own cache, built
 * under a lock that only readers take.
 */
public final class ByteKeyIndex {
    public static final String OVERFLOW_KEY = "other";
    public static final int DEFAULT_MAX_KEYS = 10_000;

    private final int maxKeys;
    private final int mask;
    private final int[] slotIds; // hash slot -> id + 1, 0 = empty; writer only
    private final int[] slotHashes;
    private final AtomicReferenceArray<byte[]> names;
    private final Map<String, Integer> idsByName = new ConcurrentHashMap<>();
    private int size;
    /** Writer only: the id last found or assigned, tried first (events in a row mostly share a host, app, transport). */
    private int lastId = -1;
    /** The key of {@link #lastId} (null before the first): the writer's plain copy, read without an array access. */
    private byte[] lastName;
    private volatile int publishedSize;
    private volatile boolean overflowed;
    private int cachedSize; // readers only, under the lock

    public ByteKeyIndex(int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("max keys must be positive, got " + maxKeys);
        }
        this.maxKeys = maxKeys;
        int capacity = Integer.highestOneBit(maxKeys * 2 - 1) << 1; // load factor <= 0.5
        this.mask = capacity - 1;
        this.slotIds = new int[capacity];
        this.slotHashes = new int[capacity];
        this.names = new AtomicReferenceArray<>(maxKeys);
    }

    /** Id of the key {@code bytes[offset, offset+length)}, assigning the next one if new. Writer thread only. */
    public int idOf(byte[] bytes, int offset, int length) {
        if (lastName != null && matches(lastName, bytes, offset, length)) {
            return lastId; // spares the hash, a multiply per byte in a dependent chain, and the probe
        }
        int hash = hash(bytes, offset, length);
        int slot = hash & mask;
        while (true) {
            int stored = slotIds[slot];
            if (stored == 0) {
                return insert(slot, hash, bytes, offset, length);
            }
            int id = stored - 1;
            byte[] name = names.getPlain(id);
            if (slotHashes[slot] == hash && matches(name, bytes, offset, length)) {
                lastId = id;
                lastName = name;
                return id;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int insert(int slot, int hash, byte[] bytes, int offset, int length) {
        if (size >= maxKeys) {
            if (!overflowed) { // read first: a volatile write per overflowing event would cost a fence
                overflowed = true;
            }
            return maxKeys;
        }
        int id = size++;
        byte[] name = Arrays.copyOfRange(bytes, offset, offset + length);
        names.setRelease(id, name);
        slotHashes[slot] = hash;
        slotIds[slot] = id + 1;
        publishedSize = size;
        lastId = id;
        lastName = name;
        return id;
    }

    /** The id every key past the cap shares. */
    public int overflowId() {
        return maxKeys;
    }

    /** Number of ids, the overflow id included: the length per-key state arrays need. */
    public int idCapacity() {
        return maxKeys + 1;
    }

    /** Distinct keys tracked (overflow excluded). Any thread. */
    public int size() {
        return publishedSize;
    }

    /** Whether some key was counted under {@link #OVERFLOW_KEY}. Any thread. */
    public boolean overflowed() {
        return overflowed;
    }

    /** Name of an id below {@link #size()} (or the overflow id) as UTF-8 text. Any thread; allocates. */
    public String name(int id) {
        return id == maxKeys ? OVERFLOW_KEY : new String(names.getAcquire(id), StandardCharsets.UTF_8);
    }

    /** Id of a key by name, {@link #overflowId()} for {@link #OVERFLOW_KEY}, or -1 if never seen. Any thread. */
    public int find(String key) {
        Integer id = idsByName.get(key);
        if (id == null && publishedSize > cachedSize) {
            refreshNames();
            id = idsByName.get(key);
        }
        if (id != null) {
            return id;
        }
        return OVERFLOW_KEY.equals(key) && overflowed ? maxKeys : -1;
    }

    private synchronized void refreshNames() {
        int published = publishedSize;
        for (int id = cachedSize; id < published; id++) {
            idsByName.putIfAbsent(name(id), id);
        }
        cachedSize = published;
    }

    private static int hash(byte[] bytes, int offset, int length) {
        int h = 0x811C9DC5; // FNV-1a
        for (int i = offset, end = offset + length; i < end; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    private static boolean matches(byte[] key, byte[] bytes, int offset, int length) {
        return key.length == length && Arrays.equals(key, 0, length, bytes, offset, offset + length);
    }
}
