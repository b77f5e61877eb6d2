package io.sluice.storage;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * The fixed-size header in front of the event records of one Chronicle excerpt (a batch):
 *
 * <pre>
 *  offset  field                 encoding
 *   0      batch format version  u8 = 2     (1: the records' version 1, see {@link EventRecordCodec})
 *   1      eventCount            i32   patched when the excerpt is closed
 *   5      firstSequence         i64
 *  13      lastSequence          i64   patched
 *  21      minReceivedAtNanos    i64   patched
 *  29      maxReceivedAtNanos    i64   patched
 *  37      eventCount records    see {@link EventRecordCodec}
 * </pre>
 *
 * Fixed-width so the writer can patch it in place at close; the summary lets readers skip a whole excerpt (by
 * sequence or receive time) after reading 37 bytes, and lets {@link Journal} find its last sequence from the last
 * excerpt alone.
 *
 * <p>Thread contract: an instance is a reusable read cursor for one thread; the static writers run on the appending
 * thread.
 */
final class ExcerptHeader {
    /** What this build writes: records of {@link EventRecordCodec#VERSION}. It also reads version 1. */
    static final int VERSION = EventRecordCodec.VERSION;
    static final int BYTES = 37;
    private static final int COUNT_AT = 1;
    private static final int LAST_SEQUENCE_AT = 13;
    private static final int MIN_RECEIVED_AT = 21;
    private static final int MAX_RECEIVED_AT = 29;

    int version;
    int eventCount;
    long firstSequence;
    long lastSequence;
    long minReceivedAtNanos;
    long maxReceivedAtNanos;

    /** Writes a header with the summary still open at {@code bytes}' write position and returns that position. */
    static long reserve(Bytes<?> bytes, long firstSequence) {
        long at = bytes.writePosition();
        bytes.writeUnsignedByte(VERSION);
        bytes.writeInt(0);
        bytes.writeLong(firstSequence);
        bytes.writeLong(firstSequence);
        bytes.writeLong(Long.MAX_VALUE);
        bytes.writeLong(Long.MIN_VALUE);
        return at;
    }

    /** Fills in the summary of the header reserved at {@code at}, just before the excerpt is closed. */
    static void complete(Bytes<?> bytes, long at, int eventCount, long lastSequence, long minReceived,
                         long maxReceived) {
        bytes.writeInt(at + COUNT_AT, eventCount);
        bytes.writeLong(at + LAST_SEQUENCE_AT, lastSequence);
        bytes.writeLong(at + MIN_RECEIVED_AT, minReceived);
        bytes.writeLong(at + MAX_RECEIVED_AT, maxReceived);
    }

    /** Reads the header at {@code in}'s read position, leaving it at the first event record. */
    void read(BytesIn<?> in) {
        version = in.readUnsignedByte();
        EventRecordCodec.requireReadable(version);
        eventCount = in.readInt();
        firstSequence = in.readLong();
        lastSequence = in.readLong();
        minReceivedAtNanos = in.readLong();
        maxReceivedAtNanos = in.readLong();
        if (eventCount < 0 || lastSequence < firstSequence) {
            throw new JournalFormatException("corrupt journal batch header: count=" + eventCount + ", sequences "
                + firstSequence + ".." + lastSequence);
        }
    }

    /**
     * The last sequence stored in {@code queue}, or -1 if it holds no excerpt. Reads only the last excerpt's header,
     * so it costs the same for a journal of any size.
     */
    static long lastSequenceIn(ChronicleQueue queue) {
        try (ExcerptTailer tailer = queue.createTailer()) {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return -1;
                }
                ExcerptHeader header = new ExcerptHeader();
                header.read(dc.wire().bytes());
                return header.lastSequence;
            }
        }
    }
}
