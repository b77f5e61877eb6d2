package io.sluice.storage;

import static io.sluice.storage.JournalEvents.assertSameEvent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.BytesOut;
import net.openhft.chronicle.bytes.MappedBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journals written before record version 2 must still read: records written exactly as version 1 wrote them (one
 * Chronicle call per field, kept below as {@link #writeVersion1}), on the kind of {@code Bytes} the journal writes
 * to (mapped), read back field for field. And the codec's own stop-bit encoder writes what Chronicle's reader reads.
 */
class EventRecordCodecVersion1Test {
    private static final int EVENTS = 5_000;
    private static final long[] EDGES = {0, 1, 0x7F, 0x80, 0x3FFF, 0x4000, 0x1F_FFFF, 0x20_0000, Integer.MAX_VALUE,
        0xFFFF_FFFFL, 1L << 35, Long.MAX_VALUE, -1, -2, -0x7F, -0x80, -0x81, -0x4000, -0x4001, Integer.MIN_VALUE,
        Long.MIN_VALUE, Long.MIN_VALUE + 1};

    @TempDir
    Path dir;
    private MappedBytes mapped;
    private final EventRecordCodec codec = new EventRecordCodec();

    @BeforeEach
    void map() throws IOException {
        mapped = MappedBytes.mappedBytes(new File(dir.toFile(), "version1"), 1 << 20);
    }

    @AfterEach
    void unmap() {
        mapped.releaseLast();
    }

    @Test
    void shouldReadRandomVersion1RecordsFieldForField() {
        SplittableRandom random = new SplittableRandom(42);
        LogEvent read = new LogEvent();
        codec.startReading(EventRecordCodec.FIRST_VERSION, 0);
        for (int i = 0; i < EVENTS; i++) {
            LogEvent event = JournalEvents.random(random);
            mapped.clear(); // one record at a time, at the start of the file
            writeVersion1(event, mapped);
            codec.read(mapped, read);
            assertSameEvent(event, read);
            assertEquals(0, mapped.readRemaining(), "event " + i + " read to its end");
        }
    }

    @Test
    void shouldEncodeStopBitsAsChronicleDoesAtEveryLengthBoundary() {
        for (long edge : EDGES) {
            for (long delta = -1; delta <= 1; delta++) {
                long value = edge + delta;
                Bytes<?> chronicle = Bytes.allocateElasticOnHeap(16);
                try {
                    chronicle.writeStopBit(value);
                    byte[] ours = new byte[16];
                    int length = EventRecordCodec.putStopBit(ours, 0, value);
                    assertArrayEquals(chronicle.toByteArray(), Arrays.copyOf(ours, length), "value " + value);
                } finally {
                    chronicle.releaseLast();
                }
            }
        }
    }

    @Test
    void shouldReadVersion1RecordsWithEdgeValuesInEveryField() {
        LogEvent event = JournalEvents.parsed(1);
        LogEvent read = new LogEvent();
        codec.startReading(EventRecordCodec.FIRST_VERSION, 0);
        for (long edge : EDGES) {
            event.setSequence(edge);
            event.setReceivedAtNanos(edge);
            event.setTimestamp(edge == LogEvent.NO_TIMESTAMP ? 0 : edge, (int) edge);
            event.setPriority((int) edge, (int) (edge >> 3));
            event.setFlags((int) edge & ~LogEvent.FLAG_TRUNCATED); // the truncated flag comes with an original length
            mapped.clear();
            writeVersion1(event, mapped);
            codec.read(mapped, read);
            assertSameEvent(event, read);
        }
    }

    /** A record as version 1 wrote it (its write path before it encoded into a scratch array). */
    static void writeVersion1(LogEvent event, BytesOut<?> out) {
        out.writeUnsignedByte(EventRecordCodec.FIRST_VERSION);
        out.writeStopBit(event.sequence());
        out.writeLong(event.receivedAtNanos());
        out.writeUnsignedByte(event.transport().code() << 4 | event.format().code());
        boolean hasTimestamp = event.timestampNanos() != LogEvent.NO_TIMESTAMP;
        boolean hasOffset = event.timestampOffsetSeconds() != LogEvent.NO_OFFSET;
        out.writeUnsignedByte((hasTimestamp ? 1 : 0) | (hasOffset ? 2 : 0));
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
        for (Field field : Field.values()) {
            int length = event.spanLength(field);
            out.writeStopBit(length + 1L);
            if (length != LogEvent.ABSENT) {
                out.writeStopBit(event.spanOffset(field));
            }
        }
    }

    private static void writeZigZag(BytesOut<?> out, int value) {
        out.writeStopBit((value << 1 ^ value >> 31) & 0xFFFF_FFFFL);
    }
}
