package io.sluice.storage;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;
import net.openhft.chronicle.core.UnsafeMemory;
import sun.misc.Unsafe;

/**
 * The journal's binary record for one {@link LogEvent}: compact, versioned, written and read without allocating.
 *
 * <p>Layout of version {@value #VERSION} ("stop-bit" is Chronicle's 7-bits-per-byte varint; "zigzag" maps small
 * negative ints to small unsigned ones first, so {@code -1} takes one byte):
 *
 * <pre>
 *  field                   encoding
 *  version                 u8 = 1
 *  sequence                stop-bit           journal sequence, never reused
 *  receivedAtNanos         i64                epoch nanos (a stop-bit would take 9 bytes)
 *  codes                   u8                 transport code &lt;&lt; 4 | format code
 *  presence                u8                 bit 0: timestamp present, bit 1: zone offset present
 *  timestampNanos          i64                only if presence bit 0
 *  timestampOffsetSeconds  zigzag stop-bit    only if presence bit 1
 *  facility, severity      zigzag stop-bit    UNKNOWN (-1) takes one byte
 *  flags                   stop-bit
 *  rawLength               stop-bit
 *  cutBytes                zigzag stop-bit    originalLength - rawLength (0 unless truncated)
 *  peerLength, peer        stop-bit, bytes    ASCII "ip:port"
 *  raw                     rawLength bytes
 *  spanCount               stop-bit           Field.COUNT when written
 *  spans (spanCount times) stop-bit length+1  (ABSENT -&gt; 0), then stop-bit offset only when present
 * </pre>
 *
 * A parsed RFC 5424 event costs its raw and peer bytes plus ~45 (a 200-byte line from an IPv4 peer: ~260 bytes).
 * Spans are written in {@link Field} ordinal order behind their count, so a field appended to {@code Field} later
 * is read back as absent from older records without a new version. Anything else that changes the layout needs a
 * new version byte; readers reject versions they do not know with a {@link JournalFormatException} rather than
 * misread bytes.
 *
 * <p>Thread contract: an instance is not thread-safe (it holds a scratch buffer); use one per thread. Neither
 * method allocates, except {@link #read} on a raw longer than the target's inline buffer (see
 * {@link LogEvent#ensureRawCapacity}).
 */
public final class EventRecordCodec {
    /** The record version this build writes, and the only one it reads. */
    public static final int VERSION = 1;

    private static final int PRESENT_TIMESTAMP = 1;
    private static final int PRESENT_OFFSET = 2;
    /** Cached: {@code Field.values()} clones its array on every call. */
    private static final Field[] FIELDS = Field.values();

    /** Largest stop-bit: a negative long is 9 groups of 7 bits and a terminating 0 (Chronicle's format). */
    private static final int MAX_STOP_BIT_BYTES = 10;
    /** Everything before the peer bytes: version, sequence, 2 x i64, 2 x u8 and 7 stop-bits of ints. */
    private static final int MAX_HEADER_BYTES = 1 + MAX_STOP_BIT_BYTES + 8 + 1 + 1 + 8 + 7 * MAX_STOP_BIT_BYTES;
    private static final int MAX_SPANS_BYTES = MAX_STOP_BIT_BYTES + Field.COUNT * 2 * MAX_STOP_BIT_BYTES;
    /** Chronicle writes an i64 in native order ({@code MappedBytes} stores it with {@code Unsafe.putLong}). */
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    /** Where the spans start in the write scratch: after the longest header and peer. */
    private static final int SPANS_AT = MAX_HEADER_BYTES + LogEvent.MAX_PEER_BYTES;
    private static final Unsafe UNSAFE = UnsafeMemory.UNSAFE;
    private static final long BYTE_ARRAY_BASE = Unsafe.ARRAY_BYTE_BASE_OFFSET;

    private final byte[] peerScratch = new byte[LogEvent.MAX_PEER_BYTES];
    /**
     * A record's header (with the peer) is encoded at the start of this buffer and its spans from {@link #SPANS_AT};
     * both are then copied out with the raw bytes between them: a profile found ~22% of the journal thread's Java time
     * in Chronicle's per-field writes.
     */
    private final byte[] writeScratch = new byte[SPANS_AT + MAX_SPANS_BYTES];

    /** Appends one record for {@code event} at {@code out}'s write position. */
    public void write(LogEvent event, BytesOut<?> out) {
        byte[] b = writeScratch;
        int headerLength = putHeader(event, b);
        int spansEnd = putSpans(event, b, SPANS_AT);
        int spansLength = spansEnd - SPANS_AT;
        int rawLength = event.rawLength();
        if (out instanceof Bytes<?> bytes && writeDirect(bytes, b, headerLength, event.raw(), rawLength, spansLength)) {
            return;
        }
        out.write(b, 0, headerLength);
        out.write(event.raw(), 0, rawLength);
        out.write(b, SPANS_AT, spansLength);
    }

    /**
     * The three parts copied straight into mapped memory when they fit the mapping at the write position: one bounds
     * check and one position update instead of three checked writes, and copies the JIT turns into a memory-copy stub
     * (Chronicle copies byte arrays into native memory with a loop of 8-byte moves). False, writing nothing, when they
     * do not fit or {@code out} is not native memory.
     */
    private static boolean writeDirect(Bytes<?> out, byte[] b, int headerLength, byte[] raw, int rawLength,
                                       int spansLength) {
        long length = (long) headerLength + rawLength + spansLength;
        if (!out.isDirectMemory() || out.writeRemaining() < length) {
            return false;
        }
        long at = out.writePosition();
        long address = out.addressForWrite(at); // maps the chunk that holds the write position
        if (!out.bytesStore().inside(at, length)) {
            return false; // the record would cross into the next chunk: let Chronicle write it
        }
        UNSAFE.copyMemory(b, BYTE_ARRAY_BASE, null, address, headerLength);
        UNSAFE.copyMemory(raw, BYTE_ARRAY_BASE, null, address + headerLength, rawLength);
        UNSAFE.copyMemory(b, BYTE_ARRAY_BASE + SPANS_AT, null, address + headerLength + rawLength, spansLength);
        out.writeSkip(length);
        return true;
    }

    /** The record up to and including the peer bytes, at {@code b[0]}; returns its length. */
    private static int putHeader(LogEvent event, byte[] b) {
        b[0] = VERSION;
        int at = putStopBit(b, 1, event.sequence());
        I64.set(b, at, event.receivedAtNanos());
        at += 8;
        b[at++] = (byte) (event.transport().code() << 4 | event.format().code());
        boolean hasTimestamp = event.timestampNanos() != LogEvent.NO_TIMESTAMP;
        boolean hasOffset = event.timestampOffsetSeconds() != LogEvent.NO_OFFSET;
        b[at++] = (byte) ((hasTimestamp ? PRESENT_TIMESTAMP : 0) | (hasOffset ? PRESENT_OFFSET : 0));
        if (hasTimestamp) {
            I64.set(b, at, event.timestampNanos());
            at += 8;
        }
        if (hasOffset) {
            at = putZigZag(b, at, event.timestampOffsetSeconds());
        }
        at = putZigZag(b, at, event.facility());
        at = putZigZag(b, at, event.severity());
        at = putStopBit(b, at, event.flags() & 0xFFFF_FFFFL);
        int rawLength = event.rawLength();
        at = putStopBit(b, at, rawLength);
        at = putZigZag(b, at, event.originalLength() - rawLength);
        int peerLength = event.peerLength();
        at = putStopBit(b, at, peerLength);
        System.arraycopy(event.peer(), 0, b, at, peerLength);
        return at + peerLength;
    }

    /** The span count and spans at {@code b[at]}; returns the index after them. */
    private static int putSpans(LogEvent event, byte[] b, int at) {
        at = putStopBit(b, at, Field.COUNT);
        for (int i = 0; i < Field.COUNT; i++) {
            Field field = FIELDS[i];
            int length = event.spanLength(field);
            at = putStopBit(b, at, length + 1L);
            if (length != LogEvent.ABSENT) {
                at = putStopBit(b, at, event.spanOffset(field));
            }
        }
        return at;
    }

    /**
     * Writes {@code value} at {@code b[at]} exactly as Chronicle's {@code writeStopBit(long)} does (7 bits a byte, low
     * first, high bit set on all but the last; a negative value is stored as its complement followed by a 0 byte);
     * returns the index after it.
     */
    static int putStopBit(byte[] b, int at, long value) {
        long n = value < 0 ? ~value : value;
        while ((n & ~0x7FL) != 0) {
            b[at++] = (byte) (n | 0x80);
            n >>>= 7;
        }
        if (value < 0) {
            b[at++] = (byte) (n | 0x80);
            b[at++] = 0;
        } else {
            b[at++] = (byte) n;
        }
        return at;
    }

    private static int putZigZag(byte[] b, int at, int value) {
        return putStopBit(b, at, (value << 1 ^ value >> 31) & 0xFFFF_FFFFL);
    }

    /**
     * Reads the record at {@code in}'s read position into {@code target}, overwriting everything in it.
     *
     * @throws JournalFormatException if the record has an unknown version or is inconsistent (corrupt)
     */
    public void read(BytesIn<?> in, LogEvent target) {
        int version = in.readUnsignedByte();
        if (version != VERSION) {
            throw new JournalFormatException("unsupported journal record version " + version + " (this build reads "
                + VERSION + "); read it with a newer Sluice");
        }
        long sequence = in.readStopBit();
        long receivedAt = in.readLong();
        int codes = in.readUnsignedByte();
        int presence = in.readUnsignedByte();
        long timestamp = (presence & PRESENT_TIMESTAMP) != 0 ? in.readLong() : LogEvent.NO_TIMESTAMP;
        int offset = (presence & PRESENT_OFFSET) != 0 ? readZigZag(in) : LogEvent.NO_OFFSET;
        int facility = readZigZag(in);
        int severity = readZigZag(in);
        int flags = (int) in.readStopBit();
        int rawLength = readLength(in, Integer.MAX_VALUE, "raw");
        int originalLength = rawLength + readZigZag(in);
        int peerLength = readLength(in, LogEvent.MAX_PEER_BYTES, "peer");
        in.read(peerScratch, 0, peerLength);
        readRaw(in, target, rawLength); // clears what the slot parsed before: set parsed values after this
        target.setPeer(peerScratch, peerLength);
        target.setSequence(sequence);
        target.setReceivedAtNanos(receivedAt);
        target.setTransport(Transport.ofCode(codes >>> 4));
        target.setFormat(Format.ofCode(codes & 0x0F));
        target.setTimestamp(timestamp, offset);
        target.setPriority(facility, severity);
        if (originalLength != rawLength) {
            target.markTruncated(originalLength); // the only setter for originalLength; flags are restored next
        }
        target.setFlags(flags);
        readSpans(in, target, rawLength);
    }

    private static void readRaw(BytesIn<?> in, LogEvent target, int rawLength) {
        if (rawLength > in.readRemaining()) {
            throw new JournalFormatException("record claims " + rawLength + " raw bytes but only "
                + in.readRemaining() + " remain: corrupt journal");
        }
        in.read(target.ensureRawCapacity(rawLength), 0, rawLength);
        target.setRawLength(rawLength);
    }

    private static void readSpans(BytesIn<?> in, LogEvent target, int rawLength) {
        int count = readLength(in, Integer.MAX_VALUE, "span count");
        for (int i = 0; i < count; i++) {
            int length = readLength(in, Integer.MAX_VALUE, "span") - 1;
            if (length == LogEvent.ABSENT) {
                continue; // setRawLength already cleared every span
            }
            int offset = readLength(in, Integer.MAX_VALUE, "span offset");
            if (offset + (long) length > rawLength) {
                throw new JournalFormatException("span " + i + " [" + offset + ", +" + length + ") outside raw of "
                    + rawLength + " bytes: corrupt journal");
            }
            if (i < Field.COUNT) {
                target.setSpan(FIELDS[i], offset, length);
            } // spans of fields this build does not know are skipped
        }
    }

    private static int readLength(BytesIn<?> in, int max, String what) {
        long value = in.readStopBit();
        if (value < 0 || value > max) {
            throw new JournalFormatException(what + " length " + value + " out of range [0, " + max
                + "]: corrupt journal");
        }
        return (int) value;
    }

    private static int readZigZag(BytesIn<?> in) {
        int encoded = (int) in.readStopBit();
        return encoded >>> 1 ^ -(encoded & 1);
    }
}
