package io.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogEventTest {
    @Test
    void shouldForgetEverythingParsedOnTheLastLapWhenRawIsReplaced() {
        LogEvent event = TestEvents.raw("<34>1 2003-10-11T22:14:15.003Z host app - - - hi");
        event.setFormat(Format.RFC5424);
        event.setPriority(4, 2);
        event.setSpan(Field.HOSTNAME, 31, 4);
        event.setTimestamp(1L, 0);

        event.setRaw(new byte[] {'x'}, 0, 1);

        assertEquals(Format.RAW, event.format());
        assertEquals(Severity.UNKNOWN, event.severity());
        assertEquals(Facility.UNKNOWN, event.facility());
        assertFalse(event.has(Field.HOSTNAME));
        assertNull(event.fieldAsString(Field.HOSTNAME));
        assertEquals(LogEvent.NO_TIMESTAMP, event.timestampNanos());
    }

    @Test
    void shouldGrowForLargeMessagesAndReturnToInlineBufferAfterwards() {
        LogEvent event = new LogEvent(128);
        byte[] inline = event.raw();
        event.setRaw(new byte[1000], 0, 1000);
        assertEquals(1000, event.rawLength());
        assertTrue(event.raw().length >= 1000);

        event.setRaw(new byte[10], 0, 10);
        assertSame(inline, event.raw());
    }

    @Test
    void shouldKeepOriginalLengthOfTruncatedFrames() {
        LogEvent event = TestEvents.raw("abc");
        event.markTruncated(10_000_000);
        assertTrue(event.isTruncated());
        assertEquals(10_000_000, event.originalLength());
        assertEquals(3, event.rawLength());
    }

    @Test
    void shouldMapTransportAndFormatCodesBothWays() {
        for (Transport t : Transport.values()) {
            assertEquals(t, Transport.ofCode(t.code()));
        }
        for (Format f : Format.values()) {
            assertEquals(f, Format.ofCode(f.code()));
        }
        assertEquals(Transport.UNKNOWN, Transport.ofCode(99));
    }
}
