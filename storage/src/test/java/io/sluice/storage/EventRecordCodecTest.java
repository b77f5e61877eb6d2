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
import java.util.Arrays;
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
        // raw + peer + 8 (received) + 8 (timestamp) + a few bytes per small field and span
        assertTrue(bytes.readRemaining() < event.rawLength() + event.peerLength() + 50,
            "record is " + bytes.readRemaining() + " bytes for " + event.rawLength() + " raw");
    }

    @Test
    void shouldRejectAnUnknownRecordVersion() {
        codec.write(JournalEvents.parsed(1), bytes);
        bytes.writeUnsignedByte(0, 2);

        JournalFormatException e = assertThrows(JournalFormatException.class,
            () -> codec.read(bytes, new LogEvent()));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void shouldRejectARecordWhoseRawRunsPastTheEnd() {
        codec.write(JournalEvents.parsed(1), bytes);
        bytes.writePosition(bytes.writePosition() - 100); // the record's last 100 bytes never made it

        assertThrows(JournalFormatException.class, () -> codec.read(bytes, new LogEvent()));
    }
}
