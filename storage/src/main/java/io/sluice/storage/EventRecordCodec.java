package io.sluice.storage;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;
import net.openhft.chronicle.core.UnsafeMemory;
import sun.misc.Unsafe;

/**
 * The journal's binary record for one {@link LogEvent}: compact, versioned, written and read without allocating.
 *
 * <p>Layout of version {@value #VERSION}, the records of an excerpt written with {@link ExcerptHeader} version 2
 * ("stop-bit" is Chronicle's 7-bits-per-byte varint; "zigzag" maps small negative numbers to small unsigned ones
 * first, so {@code -1} takes one byte):
 *
 * <pre>
 *  field                   encoding
 *  sequence                stop-bit delta     from the excerpt's previous record (the first: from the header's
 *                                             firstSequence, normally its own); journal sequences are never reused
 *  receivedAtNanos         zigzag delta       epoch nanos, from the previous record's (the first: from 0)
 *  codes                   u8                 transport code &lt;&lt; 4 | format code
 *  presence                u8                 bit 0: timestamp present, bit 1: zone offset present
 *  timestampNanos          zigzag delta       timestamp - receivedAtNanos, only if presence bit 0
 *  timestampOffsetSeconds  zigzag stop-bit    only if presence bit 1
 *  facility, severity      zigzag stop-bit    UNKNOWN (-1) takes one byte
 *  flags                   stop-bit
 *  rawLength               stop-bit
 *  cutBytes                zigzag stop-bit    originalLength - rawLength (0 unless truncated)
 *  peer                    stop-bit ref       0: inline, a stop-bit length and the ASCII "ip:port" follow, and the
 *                                             peer joins the excerpt's {@link PeerTable} if it has room;
 *                                             n &gt; 0: the table's entry n - 1
 *  raw                     rawLength bytes
 *  spanCount               stop-bit           Field.COUNT when written
 *  spans (spanCount times) stop-bit length+1  (ABSENT -&gt; 0), then stop-bit offset only when present
 * </pre>
 *
 * A parsed RFC 5424 line from a peer seen earlier in its excerpt costs its raw bytes plus ~30 (a 200-byte line: ~230
 * bytes; version 1 repeated the sequence, both times and the peer in full: ~260). The deltas and the peer table
 * restart with each excerpt ({@link #startWriting}, {@link #startReading}), so an excerpt reads on its own, as
 * replays that skip excerpts need.
 *
 * <p>Version 1 (excerpt header version 1, still read): every record starts with a version byte {@code 1}, the
 * sequence is a full stop-bit, receivedAtNanos and timestampNanos are native-order i64, and the peer is always
 * inline (stop-bit length, bytes); every other field is as above.
 *
 * <p>Spans are written in {@link Field} ordinal order behind their count, so a field appended to {@code Field} later
 * is read back as absent from older records without a new version. Anything else that changes the layout needs a
 * new version; readers reject versions they do not know with a {@link JournalFormatException} rather than misread
 * bytes.
 *
 * <p>Thread contract: an instance is not thread-safe (it holds scratch buffers and each direction's excerpt
 * context); use one per thread. A new instance writes and reads as if an excerpt with first sequence 0 had just
 * started. Neither direction allocates, except {@link #read} on a raw longer than the target's inline buffer (see
 * {@link LogEvent#ensureRawCapacity}).
 */
public final class EventRecordCodec {
    /** The record version this build writes; it also reads {@value #FIRST_VERSION}. */
    public static final int VERSION = 2;
    /** Per-record version byte, full sequence, i64 times and inline peers. */
    static final int FIRST_VERSION = 1;

    private static final int PRESENT_TIMESTAMP = 1;
    private static final int PRESENT_OFFSET = 2;
    /** Cached: {@code Field.values()} clones its array on every call. */
    private static final Field[] FIELDS = Field.values();

    /** Largest stop-bit: a negative long is 9 groups of 7 bits and a terminating 0 (Chronicle's format). */
    private static final int MAX_STOP_BIT_BYTES = 10;
    /** Everything before the peer bytes: 2 x u8 and 11 stop-bits (3 of them longs). */
    private static final int MAX_HEADER_BYTES = 2 + 11 * MAX_STOP_BIT_BYTES;
    private static final int MAX_SPANS_BYTES = MAX_STOP_BIT_BYTES + Field.COUNT * 2 * MAX_STOP_BIT_BYTES;
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
    private final ExcerptContext writeContext = new ExcerptContext();
    private final ExcerptContext readContext = new ExcerptContext();
    private int readVersion = VERSION;

    /** What the records of one excerpt are encoded against: the previous record's values and the peers named. */
    private static final class ExcerptContext {
        final PeerTable peers = new PeerTable();
        long sequence;
        long receivedAtNanos;

        void start(long firstSequence) {
            sequence = firstSequence;
            receivedAtNanos = 0;
            peers.clear();
        }

        void advance(long sequence, long receivedAtNanos) {
            this.sequence = sequence;
            this.receivedAtNanos = receivedAtNanos;
        }
    }

    /** Starts the records of a new excerpt whose header names {@code firstSequence}; call before its first write. */
    public void startWriting(long firstSequence) {
        writeContext.start(firstSequence);
    }

    /**
     * Starts reading the records of an excerpt written with header version {@code excerptVersion}.
     *
     * @throws JournalFormatException for a version this build cannot read
     */
    public void startReading(int excerptVersion, long firstSequence) {
        requireReadable(excerptVersion);
        readVersion = excerptVersion;
        readContext.start(firstSequence);
    }

    /** Throws a {@link JournalFormatException} naming {@code excerptVersion} unless this build reads it. */
    static void requireReadable(int excerptVersion) {
        if (excerptVersion != VERSION && excerptVersion != FIRST_VERSION) {
            throw new JournalFormatException("unsupported journal batch version " + excerptVersion
                + " (this build reads " + FIRST_VERSION + " and " + VERSION + "); read it with a newer Sluice");
        }
    }

    /**
     * Appends one record for {@code event} at {@code out}'s write position. The excerpt context moves on only once
     * the whole record is written, so a caller that drops a record that failed midway can go on writing.
     */
    public void write(LogEvent event, BytesOut<?> out) {
        byte[] b = writeScratch;
        int peerIndex = writeContext.peers.indexOf(event.peer(), event.peerLength());
        int headerLength = putHeader(event, b, peerIndex);
        int spansEnd = putSpans(event, b, SPANS_AT);
        int spansLength = spansEnd - SPANS_AT;
        int rawLength = event.rawLength();
        boolean direct = out instanceof Bytes<?> bytes
            && writeDirect(bytes, b, headerLength, event.raw(), rawLength, spansLength);
        if (!direct) {
            out.write(b, 0, headerLength);
            out.write(event.raw(), 0, rawLength);
            out.write(b, SPANS_AT, spansLength);
        }
        writeContext.advance(event.sequence(), event.receivedAtNanos());
        if (peerIndex < 0) {
            writeContext.peers.addIfRoom(event.peer(), event.peerLength());
        }
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

    /** The record up to and including the peer, at {@code b[0]}; returns its length. */
    private int putHeader(LogEvent event, byte[] b, int peerIndex) {
        long receivedAt = event.receivedAtNanos();
        int at = putStopBit(b, 0, event.sequence() - writeContext.sequence);
        at = putZigZagLong(b, at, receivedAt - writeContext.receivedAtNanos);
        b[at++] = (byte) (event.transport().code() << 4 | event.format().code());
        boolean hasTimestamp = event.timestampNanos() != LogEvent.NO_TIMESTAMP;
        boolean hasOffset = event.timestampOffsetSeconds() != LogEvent.NO_OFFSET;
        b[at++] = (byte) ((hasTimestamp ? PRESENT_TIMESTAMP : 0) | (hasOffset ? PRESENT_OFFSET : 0));
        if (hasTimestamp) {
            at = putZigZagLong(b, at, event.timestampNanos() - receivedAt);
        }
        if (hasOffset) {
            at = putZigZagInt(b, at, event.timestampOffsetSeconds());
        }
        at = putZigZagInt(b, at, event.facility());
        at = putZigZagInt(b, at, event.severity());
        at = putStopBit(b, at, event.flags() & 0xFFFF_FFFFL);
        int rawLength = event.rawLength();
        at = putStopBit(b, at, rawLength);
        at = putZigZagInt(b, at, event.originalLength() - rawLength);
        if (peerIndex >= 0) {
            return putStopBit(b, at, peerIndex + 1L);
        }
        b[at++] = 0; // inline
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

    private static int putZigZagInt(byte[] b, int at, int value) {
        return putStopBit(b, at, (value << 1 ^ value >> 31) & 0xFFFF_FFFFL);
    }

    /** A long delta, zigzagged: its stop-bit form is as short as the delta's magnitude, whatever its sign. */
    private static int putZigZagLong(byte[] b, int at, long value) {
        return putStopBit(b, at, value << 1 ^ value >> 63);
    }

    /**
     * Reads the next record of the excerpt started with {@link #startReading} at {@code in}'s read position into
     * {@code target}, overwriting everything in it.
     *
     * @throws JournalFormatException if the record is inconsistent (corrupt)
     */
    public void read(BytesIn<?> in, LogEvent target) {
        boolean version1 = readVersion == FIRST_VERSION;
        if (version1) {
            int version = in.readUnsignedByte();
            if (version != FIRST_VERSION) { // version 1 batches hold only version 1 records
                throw new JournalFormatException("record version " + version + " in a version " + FIRST_VERSION
                    + " batch: corrupt journal");
            }
        }
        long sequence = version1 ? in.readStopBit() : readContext.sequence + in.readStopBit();
        long receivedAt = version1 ? in.readLong() : readContext.receivedAtNanos + readZigZagLong(in);
        int codes = in.readUnsignedByte();
        int presence = in.readUnsignedByte();
        long timestamp = LogEvent.NO_TIMESTAMP;
        if ((presence & PRESENT_TIMESTAMP) != 0) {
            timestamp = version1 ? in.readLong() : receivedAt + readZigZagLong(in);
        }
        int offset = (presence & PRESENT_OFFSET) != 0 ? readZigZag(in) : LogEvent.NO_OFFSET;
        int facility = readZigZag(in);
        int severity = readZigZag(in);
        int flags = (int) in.readStopBit();
        int rawLength = readLength(in, Integer.MAX_VALUE, "raw");
        int originalLength = rawLength + readZigZag(in);
        int peerIndex = version1 ? -1 : readPeerReference(in, readContext.peers.size()) - 1;
        byte[] peer = peerScratch;
        int peerLength;
        if (peerIndex < 0) {
            peerLength = readLength(in, LogEvent.MAX_PEER_BYTES, "peer");
            in.read(peerScratch, 0, peerLength);
            if (!version1) {
                readContext.peers.addIfRoom(peerScratch, peerLength);
            }
        } else {
            peer = readContext.peers.peer(peerIndex);
            peerLength = readContext.peers.length(peerIndex);
        }
        readRaw(in, target, rawLength); // clears what the slot parsed before: set parsed values after this
        target.setPeer(peer, peerLength);
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
        readContext.advance(sequence, receivedAt);
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

    /** 0 for an inline peer, n for the excerpt table's entry n - 1, of which there are {@code tableSize}. */
    private static int readPeerReference(BytesIn<?> in, int tableSize) {
        long reference = in.readStopBit();
        if (reference < 0 || reference > tableSize) {
            throw new JournalFormatException("peer reference " + reference + " beyond the excerpt's " + tableSize
                + " peers: corrupt journal");
        }
        return (int) reference;
    }

    private static int readZigZag(BytesIn<?> in) {
        int encoded = (int) in.readStopBit();
        return encoded >>> 1 ^ -(encoded & 1);
    }

    private static long readZigZagLong(BytesIn<?> in) {
        long encoded = in.readStopBit();
        return encoded >>> 1 ^ -(encoded & 1);
    }
}
