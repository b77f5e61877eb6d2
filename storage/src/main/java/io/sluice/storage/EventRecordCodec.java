package io.sluice.storage;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

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

    private final byte[] peerScratch = new byte[LogEvent.MAX_PEER_BYTES];

    /** Appends one record for {@code event} at {@code out}'s write position. */
    public void write(LogEvent event, BytesOut<?> out) {
        out.writeUnsignedByte(VERSION);
        out.writeStopBit(event.sequence());
        out.writeLong(event.receivedAtNanos());
        out.writeUnsignedByte(event.transport().code() << 4 | event.format().code());
        boolean hasTimestamp = event.timestampNanos() != LogEvent.NO_TIMESTAMP;
        boolean hasOffset = event.timestampOffsetSeconds() != LogEvent.NO_OFFSET;
        out.writeUnsignedByte((hasTimestamp ? PRESENT_TIMESTAMP : 0) | (hasOffset ? PRESENT_OFFSET : 0));
        if (hasTimestamp) {
            out.writeLong(event.timestampNanos());
        }
        if (hasOffset) {
            writeZigZag(out, event.timestampOffsetSeconds());
        }
        writeZigZag(out, event.facility());
        writeZigZag(out, event.severity());
        out.writeStopBit(event.flags() & 0xFFFF_FFFFL);
        int rawLength = event.rawLength();
        out.writeStopBit(rawLength);
        writeZigZag(out, event.originalLength() - rawLength);
        out.writeStopBit(event.peerLength());
        out.write(event.peer(), 0, event.peerLength());
        out.write(event.raw(), 0, rawLength);
        out.writeStopBit(Field.COUNT);
        for (int i = 0; i < Field.COUNT; i++) {
            Field field = FIELDS[i];
            int length = event.spanLength(field);
            out.writeStopBit(length + 1L);
            if (length != LogEvent.ABSENT) {
                out.writeStopBit(event.spanOffset(field));
            }
        }
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

    private static void writeZigZag(BytesOut<?> out, int value) {
        out.writeStopBit((value << 1 ^ value >> 31) & 0xFFFF_FFFFL);
    }

    private static int readZigZag(BytesIn<?> in) {
        int encoded = (int) in.readStopBit();
        return encoded >>> 1 ^ -(encoded & 1);
    }
}
