package io.sluice.storage;

import static io.sluice.storage.JournalEvents.assertSameEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.Facility;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import io.sluice.core.TestEvents;
import io.sluice.core.Transport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventRecordCodecTest {
    private final EventRecordCodec codec = new EventRecordCodec();
    private final Bytes<?> bytes = Bytes.allocateElasticOnHeap(256);

    @AfterEach
    void release() {
        bytes.releaseLast();
    }

    private LogEvent readNext() {
        LogEvent event = new LogEvent();
        codec.read(bytes, event);
        return event;
    }

    private LogEvent roundTrip(LogEvent event, LogEvent target) {
        bytes.clear();
        codec.write(event, bytes);
        codec.read(bytes, target);
        assertEquals(0, bytes.readRemaining(), "the reader consumes exactly what the writer wrote");
        return target;
    }

    @Test
    void shouldRoundTripEveryFieldOfAParsedEvent() {
        LogEvent event = JournalEvents.parsed(123_456_789L);
        event.setTransport(Transport.TLS);
        event.setTimestamp(1_700_000_000_123_456_789L, -5 * 3600 - 1800);
        event.setFlags(0x40);

        assertSameEvent(event, roundTrip(event, new LogEvent()));
    }

    @Test
    void shouldRoundTripAbsentSpansMissingTimestampAndUnknownPriority() {
        LogEvent event = TestEvents.raw("just some bytes that did not parse");
        event.setSequence(0);
        LogEvent target = JournalEvents.parsed(7); // a slot from a previous lap: everything must be overwritten

        LogEvent read = roundTrip(event, target);

        assertSameEvent(event, read);
        assertEquals(Format.RAW, read.format());
        assertEquals(LogEvent.NO_TIMESTAMP, read.timestampNanos());
        assertEquals(LogEvent.NO_OFFSET, read.timestampOffsetSeconds());
        assertEquals(Facility.UNKNOWN, read.facility());
        assertEquals(Severity.UNKNOWN, read.severity());
        for (Field field : Field.values()) {
            assertFalse(read.has(field), field + " should be absent");
        }
    }

    @Test
    void shouldRoundTripRawLargerThanTheInlineBuffer() {
        byte[] big = new byte[LogEvent.DEFAULT_INLINE_BYTES * 5 + 17];
        Arrays.fill(big, (byte) 'a');
        LogEvent event = TestEvents.raw(big);
        event.setSpan(Field.MESSAGE, 10, big.length - 10);

        LogEvent read = roundTrip(event, new LogEvent());

        assertSameEvent(event, read);
        assertEquals(big.length, read.rawLength());
    }

    @Test
    void shouldRoundTripTruncatedFlagAndOriginalLength() {
        LogEvent event = JournalEvents.truncated(99);

        LogEvent read = roundTrip(event, new LogEvent());

        assertTrue(read.isTruncated());
        assertEquals(JournalEvents.parsed(99).rawLength(), read.originalLength());
        assertSameEvent(event, read);
    }

    @Test
    void shouldRoundTripIpv6PeerAndEveryTransport() {
        byte[] peer = "[2001:db8:85a3::8a2e:370:7334]:65535".getBytes(StandardCharsets.US_ASCII);
        for (Transport transport : Transport.values()) {
            LogEvent event = JournalEvents.parsed(5);
            event.setPeer(peer, peer.length);
            event.setTransport(transport);

            assertSameEvent(event, roundTrip(event, new LogEvent()));
        }
    }

    @Test
    void shouldEncodeATypicalEventCompactly() {
        LogEvent event = JournalEvents.parsed(10_000_000_000L);
        bytes.clear();
        codec.write(event, bytes);
        // the first of an excerpt: raw + peer + 9 (received from 0) + up to 9 (a timestamp years before it arrived)
        // + a byte or two per small field and span
        assertTrue(bytes.readRemaining() < event.rawLength() + event.peerLength() + 50,
            "record is " + bytes.readRemaining() + " bytes for " + event.rawLength() + " raw");
    }

    @Test
    void shouldEncodeTheNextEventFromTheSamePeerWithoutItsPeerOrFullTimes() {
        LogEvent first = JournalEvents.parsed(10_000_000_000L);
        LogEvent next = JournalEvents.parsed(10_000_000_001L);
        next.setReceivedAtNanos(first.receivedAtNanos() + 3_000); // 3 us later
        next.setTimestamp(next.receivedAtNanos() - 2_000_000, 0); // sent 2 ms before it arrived
        codec.write(first, bytes);
        long firstLength = bytes.readRemaining();

        codec.write(next, bytes);

        long nextLength = bytes.readRemaining() - firstLength;
        // raw + 1 (sequence) + 2 (received) + 4 (timestamp) + 1 (peer) + a byte or two per small field and span
        assertTrue(nextLength <= next.rawLength() + 30, "record is " + nextLength + " bytes for " + next.rawLength()
            + " raw");
        assertSameEvent(first, readNext());
        assertSameEvent(next, readNext());
    }

    @Test
    void shouldRoundTripAnExcerptOfManyPeersOutOfOrderTimesAndExtremeValues() {
        List<LogEvent> events = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        long[] extremes = {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE};
        for (int i = 0; i < 500; i++) {
            // sequences back and forth (negative deltas), as a test of the arithmetic rather than of the pipeline
            LogEvent event = JournalEvents.parsed(1_000 + i * (long) random.nextInt(1, 3));
            byte[] peer = ("10.0.0." + random.nextInt(PeerTable.CAPACITY * 2) + ":" + (40_000 + i % 3))
                .getBytes(StandardCharsets.US_ASCII); // more peers than the table holds
            event.setPeer(peer, peer.length);
            long received = i % 50 == 0 ? extremes[i / 50 % extremes.length]
                : JournalEvents.BASE_RECEIVED_NANOS + random.nextLong(-1_000_000, 1_000_000); // loops race
            event.setReceivedAtNanos(received);
            event.setTimestamp(i % 7 == 0 ? LogEvent.NO_TIMESTAMP : extremes[i % extremes.length] - i, 3600);
            events.add(event);
        }
        codec.startWriting(1_000);
        for (LogEvent event : events) {
            codec.write(event, bytes);
        }

        codec.startReading(EventRecordCodec.VERSION, 1_000);
        for (LogEvent event : events) {
            assertSameEvent(event, readNext());
        }
        assertEquals(0, bytes.readRemaining());
    }

    @Test
    void shouldRoundTripRandomEventsInOneExcerpt() {
        SplittableRandom random = new SplittableRandom(42);
        List<LogEvent> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            events.add(JournalEvents.random(random));
        }
        codec.startWriting(events.get(0).sequence());
        events.forEach(event -> codec.write(event, bytes));

        codec.startReading(EventRecordCodec.VERSION, events.get(0).sequence());
        for (LogEvent event : events) {
            assertSameEvent(event, readNext());
        }
        assertEquals(0, bytes.readRemaining());
    }

    @Test
    void shouldKeepTheExcerptContextOfARecordThatFailedMidway() {
        LogEvent failed = JournalEvents.parsed(5);
        byte[] peer = "192.0.2.1:514".getBytes(StandardCharsets.US_ASCII);
        failed.setPeer(peer, peer.length);
        Bytes<?> tooSmall = Bytes.wrapForWrite(new byte[64]); // room for the header, not for the raw after it
        assertThrows(RuntimeException.class, () -> codec.write(failed, tooSmall));
        LogEvent next = JournalEvents.parsed(6);

        codec.write(failed, bytes); // the excerpt goes on as if the failed record never was: its peer is still new
        codec.write(next, bytes);

        assertSameEvent(failed, readNext());
        assertSameEvent(next, readNext());
    }

    @Test
    void shouldRejectAnUnknownBatchVersionAndAVersion1RecordOfAnotherVersion() {
        JournalFormatException batch = assertThrows(JournalFormatException.class, () -> codec.startReading(3, 0));
        assertTrue(batch.getMessage().contains("batch version 3"), batch.getMessage());

        EventRecordCodecVersion1Test.writeVersion1(JournalEvents.parsed(1), bytes);
        bytes.writeUnsignedByte(0, 2);
        codec.startReading(EventRecordCodec.FIRST_VERSION, 0);
        JournalFormatException record = assertThrows(JournalFormatException.class,
            () -> codec.read(bytes, new LogEvent()));
        assertTrue(record.getMessage().contains("record version 2"), record.getMessage());
    }

    @Test
    void shouldRejectAPeerReferenceBeyondTheTable() {
        codec.write(JournalEvents.parsed(1), bytes); // inline peer: the table holds one
        codec.write(JournalEvents.parsed(2), bytes); // refers to entry 1
        readNext();
        codec.startReading(EventRecordCodec.VERSION, 1); // read as the start of an excerpt: its table is empty

        JournalFormatException e = assertThrows(JournalFormatException.class, () -> codec.read(bytes, new LogEvent()));
        assertTrue(e.getMessage().contains("peer reference"), e.getMessage());
    }

    @Test
    void shouldRejectARecordWhoseRawRunsPastTheEnd() {
        codec.write(JournalEvents.parsed(1), bytes);
        bytes.writePosition(bytes.writePosition() - 100); // the record's last 100 bytes never made it

        assertThrows(JournalFormatException.class, () -> codec.read(bytes, new LogEvent()));
    }
}
