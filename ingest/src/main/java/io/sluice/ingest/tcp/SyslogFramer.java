package io.sluice.ingest.tcp;

import io.netty.buffer.ByteBuf;

/**
 * Splits one TCP connection's byte stream into syslog frames, RFC 6587 style: octet counting ({@code LEN SP MSG})
 * or non-transparent framing (one message per LF, CR before it dropped), chosen from the connection's first byte.
 *
 * <p>A frame longer than the maximum is cut to the maximum and reported with its original length; the rest of it
 * is discarded, and the connection goes on with the next frame. An octet-counting header that is not a number
 * switches the connection to LF framing from that point, so a confused sender's bytes are still kept as lines.
 *
 * <p>{@link #scan} is side-effect free except for discarding bytes, so a source can publish only part of a batch
 * (ring full) and {@link #commit} exactly that part. One framer per connection, used only on its event loop.
 */
final class SyslogFramer {
    static final byte MODE_DETECT = 0;
    static final byte MODE_LF = 1;
    static final byte MODE_OCTET = 2;

    /** Skip state: discard bytes up to and including the next LF. Positive values: octets left to discard. */
    private static final long SKIP_TO_LF = -1;
    private static final int MAX_LENGTH_DIGITS = 9;

    private final int maxFrameLength;
    private byte mode = MODE_DETECT;
    private long skip;
    private long framingErrors;

    SyslogFramer(int maxFrameLength) {
        if (maxFrameLength < 16) {
            throw new IllegalArgumentException("max frame length must be >= 16, got " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * Finds complete frames from {@code src.readerIndex()} on, up to the batch's capacity. Bytes that belong to a
     * cut frame's discarded tail are consumed here (advancing the reader index); frames are consumed only by
     * {@link #commit}.
     */
    void scan(ByteBuf src, FrameBatch batch) {
        batch.clear();
        discardSkipped(src);
        if (mode == MODE_DETECT && src.isReadable()) {
            byte first = src.getByte(src.readerIndex());
            mode = first >= '1' && first <= '9' ? MODE_OCTET : MODE_LF;
        }
        int pos = src.readerIndex();
        byte m = mode;
        int limit = src.writerIndex();
        while (pos < limit && !batch.isFull()) {
            int next = m == MODE_OCTET ? scanOctet(src, pos, limit, batch) : scanLf(src, pos, limit, batch);
            if (next == NEED_MORE) {
                return;
            }
            if (next == SWITCH_TO_LF) {
                if (batch.count() > 0) {
                    return; // the bad header is handled when it heads the next scan, after this batch is committed
                }
                framingErrors++;
                mode = MODE_LF; // nothing pending before it: safe to change the committed state now
                m = MODE_LF;
                continue;
            }
            pos = next;
            if (batch.count() > 0) {
                m = batch.modeAfter(batch.count() - 1);
                if (batch.skipAfter(batch.count() - 1) != 0) {
                    return; // the rest of a cut frame is discarded by the next scan, after this batch is committed
                }
            }
        }
    }

    private static final int NEED_MORE = -1;
    private static final int SWITCH_TO_LF = -2;

    /** One LF-delimited frame at {@code pos}; returns the index after it, or NEED_MORE. Blank lines are skipped. */
    private int scanLf(ByteBuf src, int pos, int limit, FrameBatch batch) {
        int lf = src.indexOf(pos, limit, (byte) '\n');
        if (lf < 0) {
            int available = limit - pos;
            if (available > maxFrameLength) {
                batch.add(pos, maxFrameLength, available, pos + maxFrameLength, MODE_LF, SKIP_TO_LF);
                return pos + maxFrameLength;
            }
            return NEED_MORE;
        }
        int contentEnd = lf > pos && src.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        int length = contentEnd - pos;
        if (length > maxFrameLength) {
            batch.add(pos, maxFrameLength, length, lf + 1, MODE_LF, 0);
        } else {
            addUnlessBlank(src, batch, pos, length, length, lf + 1, MODE_LF);
        }
        return lf + 1;
    }

    /** One octet-counted frame at {@code pos}; returns the index after it, NEED_MORE or SWITCH_TO_LF. */
    private int scanOctet(ByteBuf src, int pos, int limit, FrameBatch batch) {
        long declared = 0;
        int i = pos;
        for (; i < limit && i - pos <= MAX_LENGTH_DIGITS; i++) {
            byte b = src.getByte(i);
            if (b == ' ' && i > pos) {
                break;
            }
            if (b < '0' || b > '9' || (i == pos && b == '0')) {
                return SWITCH_TO_LF;
            }
            declared = declared * 10 + (b - '0');
        }
        if (i == limit) {
            return NEED_MORE;
        }
        if (i - pos > MAX_LENGTH_DIGITS) {
            return SWITCH_TO_LF;
        }
        int contentStart = i + 1;
        long frameEnd = contentStart + declared;
        if (declared > maxFrameLength) {
            if (limit - contentStart < maxFrameLength) {
                return NEED_MORE;
            }
            int cutEnd = contentStart + maxFrameLength;
            batch.add(contentStart, maxFrameLength, (int) Math.min(declared, Integer.MAX_VALUE), cutEnd, MODE_OCTET,
                declared - maxFrameLength);
            return cutEnd;
        }
        if (frameEnd > limit) {
            return NEED_MORE;
        }
        int end = (int) frameEnd;
        int contentEnd = end;
        // Some senders end each counted message with LF as well; the newline is framing, not message.
        while (contentEnd > contentStart && (src.getByte(contentEnd - 1) == '\n' || src.getByte(contentEnd - 1) == '\r')) {
            contentEnd--;
        }
        addUnlessBlank(src, batch, contentStart, contentEnd - contentStart, (int) declared, end, MODE_OCTET);
        return end;
    }

    /**
     * Blank frames carry no event: a leading one is consumed at once (no state depends on it), a later one is folded
     * into the previous frame so that committing that frame consumes it too.
     */
    private static void addUnlessBlank(ByteBuf src, FrameBatch batch, int start, int length, int original, int end,
                                       byte mode) {
        if (length > 0) {
            batch.add(start, length, original, end, mode, 0);
        } else if (batch.count() > 0) {
            batch.extendLast(end);
        } else {
            src.readerIndex(end);
        }
    }

    /**
     * Makes the first {@code k} frames of the last scan consumed: moves the reader index past them and takes on the
     * framer state that followed them.
     */
    void commit(ByteBuf src, FrameBatch batch, int k) {
        if (k == 0) {
            return;
        }
        src.readerIndex(batch.end(k - 1));
        mode = batch.modeAfter(k - 1);
        skip = batch.skipAfter(k - 1);
    }

    private void discardSkipped(ByteBuf src) {
        if (skip == 0 || !src.isReadable()) {
            return;
        }
        int from = src.readerIndex();
        int limit = src.writerIndex();
        if (skip == SKIP_TO_LF) {
            int lf = src.indexOf(from, limit, (byte) '\n');
            int to = lf < 0 ? limit : lf + 1;
            if (lf >= 0) {
                skip = 0;
            }
            src.readerIndex(to);
        } else {
            int n = (int) Math.min(skip, limit - from);
            skip -= n;
            src.readerIndex(from + n);
        }
    }

    /**
     * How many bytes of {@code next} to append to {@code carried} (an incomplete frame left over from the previous
     * read) so that it becomes complete, or long enough to be cut. Lets the source finish one frame in a small
     * carry buffer and read the rest of {@code next} in place, instead of copying every read.
     */
    int bytesToComplete(ByteBuf carried, ByteBuf next) {
        int available = next.readableBytes();
        if (mode == MODE_OCTET) {
            int header = carried.indexOf(carried.readerIndex(), carried.writerIndex(), (byte) ' ');
            if (header < 0) {
                return Math.min(available, MAX_LENGTH_DIGITS + 1);
            }
            long declared = Math.min(parseDigits(carried, carried.readerIndex(), header), maxFrameLength);
            long wanted = (header + 1 - carried.readerIndex()) + declared - carried.readableBytes();
            return (int) Math.max(1, Math.min(available, wanted));
        }
        int lf = next.indexOf(next.readerIndex(), next.writerIndex(), (byte) '\n');
        int wanted = lf < 0 ? available : lf + 1 - next.readerIndex();
        int room = maxFrameLength + 1 - carried.readableBytes();
        return Math.max(1, Math.min(wanted, room));
    }

    private static long parseDigits(ByteBuf buf, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            byte b = buf.getByte(i);
            if (b < '0' || b > '9') {
                return 0;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    int maxFrameLength() {
        return maxFrameLength;
    }

    byte mode() {
        return mode;
    }

    /** Octet-counting headers that were not a number (the connection fell back to LF framing). */
    long framingErrors() {
        return framingErrors;
    }
}
