package io.sluice.ingest.tcp;

/**
 * Frames found by one {@link SyslogFramer#scan} call, as positions in the scanned buffer, plus the framer state after
 * each one. Keeping the after-state per frame lets a source publish only the first {@code k} frames when the ring has
 * room for no more, and resume exactly there later. Preallocated once per connection; not thread-safe.
 */
final class FrameBatch {
    private final int[] start;
    private final int[] length;
    private final int[] originalLength;
    private final int[] end;
    private final byte[] modeAfter;
    private final long[] skipAfter;
    private int count;

    FrameBatch(int capacity) {
        start = new int[capacity];
        length = new int[capacity];
        originalLength = new int[capacity];
        end = new int[capacity];
        modeAfter = new byte[capacity];
        skipAfter = new long[capacity];
    }

    void clear() {
        count = 0;
    }

    boolean isFull() {
        return count == start.length;
    }

    void add(int frameStart, int frameLength, int frameOriginalLength, int frameEnd, byte mode, long skip) {
        start[count] = frameStart;
        length[count] = frameLength;
        originalLength[count] = frameOriginalLength;
        end[count] = frameEnd;
        modeAfter[count] = mode;
        skipAfter[count] = skip;
        count++;
    }

    /** Makes committing the last frame also consume bytes up to {@code newEnd} (a blank frame after it). */
    void extendLast(int newEnd) {
        end[count - 1] = newEnd;
    }

    int count() {
        return count;
    }

    int capacity() {
        return start.length;
    }

    /** Buffer index of frame {@code i}'s first content byte. */
    int start(int i) {
        return start[i];
    }

    /** Content bytes of frame {@code i} (delimiter, CR and octet-count header excluded; cut to the maximum). */
    int length(int i) {
        return length[i];
    }

    /** Bytes the sender framed; larger than {@link #length} only for a cut (oversized) frame. */
    int originalLength(int i) {
        return originalLength[i];
    }

    /** Buffer index just past frame {@code i}: where the next read starts once it is published. */
    int end(int i) {
        return end[i];
    }

    byte modeAfter(int i) {
        return modeAfter[i];
    }

    long skipAfter(int i) {
        return skipAfter[i];
    }
}
