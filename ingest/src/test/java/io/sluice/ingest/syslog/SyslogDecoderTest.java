package io.sluice.ingest.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.Facility;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import io.sluice.core.TestEvents;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyslogDecoderTest {
    private static final String[] SEEDS = {
        "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" "
            + "eventSource=\"App\\]lication\" eventID=\"1011\"][examplePriority@32473 class=\"high\"] \uFEFFmsg",
        "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8",
        "<13>2026-11-23T10:00:00.123456+01:00 host prog[1]: msg",
        "<190>Apr 15 2007 21:28:13: %PIX-6-302014: Teardown TCP connection",
        "<189>91: *Oct 07 03:10:04: host %CRYPTO-4-RECVD_PKT_INV_SPI: decaps",
        "Feb 18 16:01:59 serverX -- MARK --",
        "<1>1 - - - - - [a x=\"\\\"\"][b] x",
    };
    private static final byte[] ALPHABET = "<>0123456789 -[]=\":\\TZz.+*@abcJanOctMAR\n\0\u00ff"
        .getBytes(StandardCharsets.ISO_8859_1);

    private final SyslogDecoder decoder = new SyslogDecoder();

    @Test
    void shouldDetectRfc5424() {
        assertEquals(Format.RFC5424, decoded(SEEDS[0]).format());
    }

    @Test
    void shouldDetectRfc3164WithAndWithoutPri() {
        assertEquals(Format.RFC3164, decoded(SEEDS[1]).format());
        assertEquals(Format.RFC3164, decoded(SEEDS[5]).format());
    }

    @Test
    void shouldStoreWholeLineAsRawMessageWhenNoGrammarMatches() {
        LogEvent e = decoded("2015-07-29 17:41:44,747 - INFO  [main] - started");
        assertRaw(e);
        assertEquals("2015-07-29 17:41:44,747 - INFO  [main] - started", e.fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldStoreMalformedRfc5424RawInsteadOfReadingItAsBsd() {
        LogEvent e = decoded("<34>1 2003-10-11T22:14:15.003Z host app - - [dup][dup] msg");
        assertRaw(e);
        assertFalse(e.has(Field.HOSTNAME), "nothing of the failed attempt remains");
        assertFalse(e.has(Field.STRUCTURED_DATA));
    }

    @Test
    void shouldStoreEmptyLineAsRawWithEmptyMessage() {
        LogEvent e = decoded("");
        assertRaw(e);
        assertEquals(0, e.spanLength(Field.MESSAGE));
    }

    @Test
    void shouldCountRawFallbacks() {
        decoded("not syslog");
        decoded(SEEDS[1]);
        decoded("<999>");
        assertEquals(2, decoder.rawFallbacks());
    }

    @Test
    void shouldKeepTruncatedFlagSetBySource() {
        LogEvent e = TestEvents.raw("garbage");
        e.markTruncated(100_000);
        decoder.decode(e);
        assertTrue(e.isTruncated());
    }

    @Test
    void shouldClearPreviousLapWhenSlotIsReused() {
        LogEvent e = decoded(SEEDS[0]);
        byte[] next = "plain".getBytes(StandardCharsets.US_ASCII);
        e.setRaw(next, 0, next.length);
        decoder.decode(e);
        assertRaw(e);
        assertFalse(e.has(Field.MSG_ID));
    }

    @Test
    void shouldNeverThrowAndKeepInvariantsOnGarbledBytes() {
        SplittableRandom random = new SplittableRandom(20_261_123);
        LogEvent e = new LogEvent(512);
        long raw = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] input = garbled(random);
            e.setRaw(input, 0, input.length);
            e.setReceivedAtNanos(i % 1000 == 0 ? (i % 2000 == 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : random.nextLong());
            decoder.decode(e);
            assertInvariants(e, input);
            raw += e.format() == Format.RAW ? 1 : 0;
        }
        assertEquals(raw, decoder.rawFallbacks());
    }

    @Test
    void shouldNotAllocateWhenDecoding() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        LogEvent e = new LogEvent();
        byte[][] lines = new byte[SEEDS.length + 1][];
        for (int i = 0; i < SEEDS.length; i++) {
            lines[i] = SEEDS[i].getBytes(StandardCharsets.UTF_8);
        }
        lines[SEEDS.length] = "not syslog at all".getBytes(StandardCharsets.UTF_8);
        decodeAll(e, lines, 20_000); // warm up: class loading and JIT compilation allocate
        long before = threads.getCurrentThreadAllocatedBytes();
        decodeAll(e, lines, 20_000);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes decoding " + 20_000 * lines.length + " lines");
    }

    private void decodeAll(LogEvent e, byte[][] lines, int rounds) {
        for (int r = 0; r < rounds; r++) {
            for (byte[] line : lines) {
                e.setRaw(line, 0, line.length);
                decoder.decode(e);
            }
        }
    }

    private LogEvent decoded(String line) {
        LogEvent e = TestEvents.raw(line);
        decoder.decode(e);
        return e;
    }

    private static void assertRaw(LogEvent e) {
        assertEquals(Format.RAW, e.format());
        assertEquals(Facility.UNKNOWN, e.facility());
        assertEquals(Severity.UNKNOWN, e.severity());
        assertEquals(LogEvent.NO_TIMESTAMP, e.timestampNanos());
        assertEquals(0, e.spanOffset(Field.MESSAGE));
        assertEquals(e.rawLength(), e.spanLength(Field.MESSAGE));
    }

    private static void assertInvariants(LogEvent e, byte[] input) {
        String context = Arrays.toString(input);
        assertEquals(input.length, e.rawLength(), context);
        assertTrue(Arrays.equals(input, 0, input.length, e.raw(), 0, input.length), context);
        if (e.format() == Format.RAW) {
            assertRaw(e);
            return;
        }
        assertTrue(e.facility() >= 0 && e.facility() <= 23 && e.severity() >= 0 && e.severity() <= 7, context);
        for (Field field : Field.values()) {
            int offset = e.spanOffset(field);
            int length = e.spanLength(field);
            assertTrue(length == LogEvent.ABSENT || (offset >= 0 && length >= 0 && offset + length <= input.length),
                field + " " + context);
        }
        int offset = e.timestampOffsetSeconds();
        assertTrue(offset == LogEvent.NO_OFFSET || Math.abs(offset) < 24 * 3600, context);
    }

    /** Random bytes, syslog-alphabet soup, or a real line mutated, truncated and spliced. */
    private static byte[] garbled(SplittableRandom random) {
        int kind = random.nextInt(4);
        if (kind == 0) {
            byte[] b = new byte[random.nextInt(300)];
            random.nextBytes(b);
            return b;
        }
        if (kind == 1) {
            byte[] b = new byte[random.nextInt(120)];
            for (int i = 0; i < b.length; i++) {
                b[i] = ALPHABET[random.nextInt(ALPHABET.length)];
            }
            return b;
        }
        byte[] b = SEEDS[random.nextInt(SEEDS.length)].getBytes(StandardCharsets.UTF_8);
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            b = mutate(b, random);
        }
        return b;
    }

    private static byte[] mutate(byte[] b, SplittableRandom random) {
        if (b.length == 0) {
            return b;
        }
        int at = random.nextInt(b.length);
        switch (random.nextInt(4)) {
            case 0:
                b[at] = ALPHABET[random.nextInt(ALPHABET.length)];
                return b;
            case 1:
                return Arrays.copyOf(b, at); // truncated at every position over the run
            case 2:
                byte[] longer = Arrays.copyOf(b, b.length + 1);
                System.arraycopy(b, at, longer, at + 1, b.length - at);
                longer[at] = ALPHABET[random.nextInt(ALPHABET.length)];
                return longer;
            default:
                byte[] shorter = new byte[b.length - 1];
                System.arraycopy(b, 0, shorter, 0, at);
                System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                return shorter;
        }
    }
}
