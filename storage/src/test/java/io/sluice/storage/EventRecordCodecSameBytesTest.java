package io.sluice.storage;

import static io.sluice.storage.JournalEvents.assertSameEvent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Transport;
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
 * The codec encodes a record in a scratch array and writes it in bulk; the bytes must be exactly those of the
 * per-field Chronicle writes it replaced (kept below as the oracle), on the same kind of {@code Bytes} the journal
 * writes to (mapped), so journals written before and after read the same.
 */
class EventRecordCodecSameBytesTest {
    private static final int EVENTS = 5_000;
    private static final long[] EDGES = {0, 1, 0x7F, 0x80, 0x3FFF, 0x4000, 0x1F_FFFF, 0x20_0000, Integer.MAX_VALUE,
        0xFFFF_FFFFL, 1L << 35, Long.MAX_VALUE, -1, -2, -0x7F, -0x80, -0x81, -0x4000, -0x4001, Integer.MIN_VALUE,
        Long.MIN_VALUE, Long.MIN_VALUE + 1};

    @TempDir
    Path dir;
    private MappedBytes expected;
    private MappedBytes actual;
    private final EventRecordCodec codec = new EventRecordCodec();

    @BeforeEach
    void map() throws IOException {
        expected = MappedBytes.mappedBytes(new File(dir.toFile(), "expected"), 1 << 20);
        actual = MappedBytes.mappedBytes(new File(dir.toFile(), "actual"), 1 << 20);
    }

    @AfterEach
    void unmap() {
        expected.releaseLast();
        actual.releaseLast();
    }

    @Test
    void shouldWriteTheSameBytesAsPerFieldChronicleWritesForRandomEvents() {
        SplittableRandom random = new SplittableRandom(42);
        LogEvent read = new LogEvent();
        for (int i = 0; i < EVENTS; i++) {
            LogEvent event = randomEvent(random, i % 2 == 0);
            assertSameBytes(event, "event " + i);
            if (i % 2 == 0) { // valid events (spans inside raw, real lengths) must also read back
                codec.read(actual, read);
                assertSameEvent(event, read);
            }
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
    void shouldWriteTheSameBytesForEdgeValuesInEveryField() {
        LogEvent event = JournalEvents.parsed(1);
        for (long edge : EDGES) {
            event.setSequence(edge);
            event.setReceivedAtNanos(edge);
            event.setTimestamp(edge == LogEvent.NO_TIMESTAMP ? 0 : edge, (int) edge);
            event.setPriority((int) edge, (int) (edge >> 3));
            event.setFlags((int) edge);
            event.setOriginalLength(event.rawLength() + (int) edge);
            event.setSpan(Field.MESSAGE, (int) edge, (int) (edge >>> 1));
            event.setSpan(Field.HOSTNAME, (int) -edge, (int) edge);
            assertSameBytes(event, "edge " + edge);
        }
    }

    /** Writes {@code event} both ways at the start of each file; leaves {@code actual} positioned to read it back. */
    private void assertSameBytes(LogEvent event, String what) {
        expected.clear();
        actual.clear();
        writePerField(event, expected);
        codec.write(event, actual);
        assertEquals(expected.readRemaining(), actual.readRemaining(), what + ": length");
        byte[] want = new byte[(int) expected.readRemaining()];
        byte[] got = new byte[want.length];
        expected.read(want);
        actual.read(got);
        assertArrayEquals(want, got, what);
        actual.readPosition(0);
    }

    /** Half valid events (what the pipeline produces), half anything the fields can hold. */
    private static LogEvent randomEvent(SplittableRandom random, boolean valid) {
        int rawLength = random.nextInt(8) == 0 ? random.nextInt(70_000) : random.nextInt(400);
        byte[] raw = new byte[rawLength];
        random.nextBytes(raw);
        LogEvent event = new LogEvent();
        event.setRaw(raw, 0, rawLength);
        byte[] peer = new byte[random.nextInt(LogEvent.MAX_PEER_BYTES + 1)];
        random.nextBytes(peer);
        event.setPeer(peer, peer.length);
        event.setSequence(valid ? random.nextLong(Long.MAX_VALUE) >>> random.nextInt(64) : randomLong(random));
        event.setReceivedAtNanos(randomLong(random));
        event.setTransport(Transport.values()[random.nextInt(Transport.values().length)]);
        event.setFormat(Format.values()[random.nextInt(Format.values().length)]);
        long timestamp = random.nextBoolean() ? LogEvent.NO_TIMESTAMP : randomLong(random);
        int offset = random.nextBoolean() ? LogEvent.NO_OFFSET : random.nextInt(-64_800, 64_801);
        event.setTimestamp(timestamp, valid ? offset : randomInt(random));
        event.setPriority(valid ? random.nextInt(-1, 24) : randomInt(random),
            valid ? random.nextInt(-1, 8) : randomInt(random));
        if (random.nextInt(4) == 0) {
            event.markTruncated(valid ? rawLength + random.nextInt(1 << 20) : randomInt(random));
        }
        event.setFlags(event.flags() | (valid ? random.nextInt(1 << 8) & ~1 : randomInt(random)));
        for (Field field : Field.values()) {
            if (random.nextBoolean()) {
                continue; // absent
            }
            if (valid) {
                int offsetInRaw = rawLength == 0 ? 0 : random.nextInt(rawLength + 1);
                event.setSpan(field, offsetInRaw, random.nextInt(rawLength - offsetInRaw + 1));
            } else {
                event.setSpan(field, randomInt(random), randomInt(random));
            }
        }
        return event;
    }

    /** Small and large, positive and negative: every stop-bit length shows up. */
    private static long randomLong(SplittableRandom random) {
        return random.nextLong() >> random.nextInt(64);
    }

    private static int randomInt(SplittableRandom random) {
        return random.nextInt() >> random.nextInt(32);
    }

    /** The codec's write path before it encoded into a scratch array: one Chronicle call per field. */
    private static void writePerField(LogEvent event, BytesOut<?> out) {
        out.writeUnsignedByte(EventRecordCodec.VERSION);
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
