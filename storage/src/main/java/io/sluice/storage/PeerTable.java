package io.sluice.storage;

import io.sluice.core.LogEvent;
import java.util.Arrays;

/**
 * The peers ({@code ip:port}) named so far in one excerpt, so that a record from a peer seen before names it by index
 * instead of repeating its bytes: a batch holds events from a handful of connections, and the peer was ~15 of the
 * ~60 bytes a record adds to its raw line.
 *
 * <p>Writer and reader each keep one and must fill it identically: an inline peer is added while there is room, and
 * the table is cleared at each excerpt's start ({@link #clear}).
 *
 * <p>Thread contract: confined to one thread; allocation-free after construction.
 */
final class PeerTable {
    /** Peers an excerpt can name by index; later new peers are written inline every time. */
    static final int CAPACITY = 8;

    private final byte[][] peers = new byte[CAPACITY][LogEvent.MAX_PEER_BYTES];
    private final int[] lengths = new int[CAPACITY];
    private int size;
    /** Where the last lookup matched: consecutive events mostly come from the same connection. */
    private int lastFound;

    void clear() {
        size = 0;
        lastFound = 0;
    }

    /** The index of {@code peer[0, length)} in this table, or -1. */
    int indexOf(byte[] peer, int length) {
        for (int tried = 0, i = lastFound; tried < size; tried++, i = i + 1 == size ? 0 : i + 1) {
            if (lengths[i] == length && Arrays.equals(peers[i], 0, length, peer, 0, length)) {
                lastFound = i;
                return i;
            }
        }
        return -1;
    }

    /** Adds {@code peer[0, length)} if there is room; the writer and the reader call this for every inline peer. */
    void addIfRoom(byte[] peer, int length) {
        if (size < CAPACITY) {
            System.arraycopy(peer, 0, peers[size], 0, length);
            lengths[size++] = length;
        }
    }

    byte[] peer(int index) {
        return peers[index];
    }

    int length(int index) {
        return lengths[index];
    }

    int size() {
        return size;
    }
}
