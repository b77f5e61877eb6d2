package io.sluice.analyzers.security.detect;

/**
 * A bounded set of 64-bit keys (see {@link KeyHash}), each given a dense id {@code 0..capacity-1} so that per-key
 * state lives in preallocated arrays indexed by id. When full, inserting evicts the least recently used key and hands
 * its id to the new one (the caller resets that id's state): an attacker rotating through a million addresses costs
 * the same memory as one with a thousand, and the busiest keys, touched most recently, stay.
 *
 * <p>Open addressing with linear probing (load <= 0.5) and backward-shift deletion, so no tombstones pile up under
 * churn; the LRU order is a doubly linked list in two int arrays. No allocation after construction.
 *
 * <p>Thread contract: one writer thread calls everything except {@link #size()}, which any thread may read.
 */
final class LruKeyTable {
    static final int NONE = -1;

    private final int capacity;
    private final int mask;
    private final int[] index; // hash slot -> id + 1, 0 = empty
    private final long[] keys;
    private final int[] newer;
    private final int[] older;
    private final int[] free;
    private int freeCount;
    private int nextUnused;
    private int newest = NONE;
    private int oldest = NONE;
    private int live;
    private boolean lastWasNew;
    private long evictions;
    private volatile int publishedSize;

    LruKeyTable(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
        int slots = Integer.highestOneBit(Math.max(2, capacity * 2 - 1)) << 1;
        this.mask = slots - 1;
        this.index = new int[slots];
        this.keys = new long[capacity];
        this.newer = new int[capacity];
        this.older = new int[capacity];
        this.free = new int[capacity];
    }

    /** Id of {@code key}, or {@link #NONE}; does not change the LRU order. */
    int find(long key) {
        for (int slot = slotOf(key); ; slot = (slot + 1) & mask) {
            int stored = index[slot];
            if (stored == 0) {
                return NONE;
            }
            if (keys[stored - 1] == key) {
                return stored - 1;
            }
        }
    }

    /**
     * Id of {@code key}, inserted if absent (evicting the stalest key when full), and marked most recently used.
     * {@link #lastWasNew()} then tells whether the id's state must be reset.
     */
    int acquire(long key) {
        int id = find(key);
        lastWasNew = id == NONE;
        if (lastWasNew) {
            return insert(key);
        }
        touch(id);
        return id;
    }

    /** Whether the last {@link #acquire} inserted (the id may be an evicted key's: reset its state). */
    boolean lastWasNew() {
        return lastWasNew;
    }

    /** Inserts an absent key as the most recently used; when full, the stalest key's id is reused. */
    int insert(long key) {
        int id;
        if (freeCount > 0) {
            id = free[--freeCount];
        } else if (nextUnused < capacity) {
            id = nextUnused++;
        } else {
            id = oldest;
            unindex(id);
            unlink(id);
            live--;
            evictions++;
        }
        keys[id] = key;
        int slot = slotOf(key);
        while (index[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        index[slot] = id + 1;
        linkNewest(id);
        live++;
        publishedSize = live;
        return id;
    }

    /** Marks {@code id} most recently used. */
    void touch(int id) {
        if (id != newest) {
            unlink(id);
            linkNewest(id);
        }
    }

    /** Forgets {@code id}'s key; the id is reused by a later insert. */
    void remove(int id) {
        unindex(id);
        unlink(id);
        free[freeCount++] = id;
        live--;
        publishedSize = live;
    }

    /** The least recently used id, or {@link #NONE} when empty. */
    int oldest() {
        return oldest;
    }

    /** The id used next after {@code id}, or {@link #NONE} if it is the newest. */
    int newerThan(int id) {
        return newer[id];
    }

    long keyOf(int id) {
        return keys[id];
    }

    /** Keys evicted to make room so far. Writer thread. */
    long evictions() {
        return evictions;
    }

    int capacity() {
        return capacity;
    }

    /** Keys tracked now. Any thread. */
    int size() {
        return publishedSize;
    }

    private int slotOf(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    /** Removes {@code id} from the hash index, shifting later entries of its probe run back into the hole. */
    private void unindex(int id) {
        int hole = slotOf(keys[id]);
        while (index[hole] != id + 1) {
            hole = (hole + 1) & mask;
        }
        for (int s = (hole + 1) & mask; index[s] != 0; s = (s + 1) & mask) {
            int home = slotOf(keys[index[s] - 1]);
            // The entry at s may fill the hole unless its home lies cyclically in (hole, s].
            boolean homeBetween = hole <= s ? home > hole && home <= s : home > hole || home <= s;
            if (!homeBetween) {
                index[hole] = index[s];
                hole = s;
            }
        }
        index[hole] = 0;
    }

    private void linkNewest(int id) {
        older[id] = newest;
        newer[id] = NONE;
        if (newest != NONE) {
            newer[newest] = id;
        }
        newest = id;
        if (oldest == NONE) {
            oldest = id;
        }
    }

    private void unlink(int id) {
        int o = older[id];
        int n = newer[id];
        if (o != NONE) {
            newer[o] = n;
        } else {
            oldest = n;
        }
        if (n != NONE) {
            older[n] = o;
        } else {
            newest = o;
        }
    }
}
