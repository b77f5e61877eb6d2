package io.sluice.storage;

import io.sluice.core.LogEvent;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

    /** A peer's last 8 bytes (its port and the end of its address) read as one long; equality is all it is used for. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final byte[][] peers = new byte[CAPACITY][LogEvent.MAX_PEER_BYTES];
    private final int[] lengths = new int[CAPACITY];
    /** Each entry's {@link #tail}: peers mostly differ there, so telling entries apart is mostly a long compare. */
    private final long[] tails = new long[CAPACITY];
    private int size;
    /** Where the last lookup matched: consecutive events mostly come from the same connection. */
    private int lastFound;

    void clear() {
        size = 0;
        lastFound = 0;
    }

    /** The index of {@code peer[0, length)} in this table, or -1. */
    int indexOf(byte[] peer, int length) {
        long tail = tail(peer, length);
        for (int tried = 0, i = lastFound; tried < size; tried++, i = i + 1 == size ? 0 : i + 1) {
            if (tails[i] == tail && lengths[i] == length && Arrays.equals(peers[i], 0, length, peer, 0, length)) {
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
            tails[size] = tail(peer, length);
            lengths[size++] = length;
        }
    }

    /** The last 8 bytes of {@code peer[0, length)} as a long (fewer: those, zero-extended). */
    private static long tail(byte[] peer, int length) {
        if (length >= Long.BYTES) {
            return (long) LONGS.get(peer, length - Long.BYTES);
        }
        long tail = 0;
        for (int i = 0; i < length; i++) {
            tail = tail << 8 | peer[i] & 0xFF;
        }
        return tail;
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
