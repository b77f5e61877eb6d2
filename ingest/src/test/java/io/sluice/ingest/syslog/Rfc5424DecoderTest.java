package io.sluice.ingest.syslog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.TestEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc5424DecoderTest {
    private final Rfc5424Decoder decoder = new Rfc5424Decoder();

    @Test
    void shouldParseEveryHeaderFieldOfRfcExample() {
        LogEvent e = decoded("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
            + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] An application event");
        assertEquals(Format.RFC5424, e.format());
        assertEquals(20, e.facility());
        assertEquals(5, e.severity());
        assertEquals(Instant.parse("2003-10-11T22:14:15.003Z").toEpochMilli() * 1_000_000L, e.timestampNanos());
        assertEquals(0, e.timestampOffsetSeconds());
        assertEquals("mymachine.example.com", e.fieldAsString(Field.HOSTNAME));
        assertEquals("evntslog", e.fieldAsString(Field.APP_NAME));
        assertNull(e.fieldAsString(Field.PROC_ID));
        assertEquals("ID47", e.fieldAsString(Field.MSG_ID));
        assertEquals("[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"]",
            e.fieldAsString(Field.STRUCTURED_DATA));
        assertEquals("An application event", e.fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldKeepTheOffsetTheSenderWrote() {
        LogEvent e = decoded("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - msg");
        assertEquals(-7 * 3600, e.timestampOffsetSeconds());
        assertEquals(Instant.parse("2003-08-24T12:14:15Z").getEpochSecond() * 1_000_000_000L + 3_000,
            e.timestampNanos());
    }

    @Test
    void shouldLeaveNilValuesAbsent() {
        LogEvent e = decoded("<1>1 - - - - - -");
        assertEquals(LogEvent.NO_TIMESTAMP, e.timestampNanos());
        for (Field field : Field.values()) {
            assertFalse(e.has(field), field.name());
        }
    }

    @Test
    void shouldSkipBomBeforeMessage() {
        LogEvent e = decoded("<1>1 - - - - - - \uFEFFhello");
        assertEquals("hello", e.fieldAsString(Field.MESSAGE));
        assertEquals(20, e.spanOffset(Field.MESSAGE));
    }

    @Test
    void shouldLeaveEmptyMessageSpanForBomAlone() {
        LogEvent e = decoded("<1>1 - - - - - - \uFEFF");
        assertEquals(0, e.spanLength(Field.MESSAGE));
    }

    @Test
    void shouldKeepLeadingSpaceOfMessage() {
        assertEquals(" msg", decoded("<85>1 - vrs-1 polkitd 20481 - -  msg").fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldAcceptNewlineInsideMessage() {
        assertEquals("x\ny", decoded("<1>3 - - - - - - x\ny").fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldSpanMultipleSdElementsIncludingBrackets() {
        LogEvent e = decoded("<1>1 - - - - - [a x=\"1\"][b][c y=\"\"] m");
        assertEquals("[a x=\"1\"][b][c y=\"\"]", e.fieldAsString(Field.STRUCTURED_DATA));
        assertEquals("m", e.fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldAcceptEscapedQuoteBackslashAndBracketInParamValue() {
        LogEvent e = decoded("<1>1 - - - - - [a x=\"q\\\" b\\\\ c\\] d\\n\"]");
        assertEquals("[a x=\"q\\\" b\\\\ c\\] d\\n\"]", e.fieldAsString(Field.STRUCTURED_DATA));
        assertFalse(e.has(Field.MESSAGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<1>1 - - - - - [a x=\"]\"]", "<1>1 - - - - - [a x=\"\"\"]", "<1>1 - - - - - [a x=\"\\\"]",
        "<1>1 - - - - - []", "<1>1 - - - - - [ a]", "<1>1 - - - - - [a x=1]", "<1>1 - - - - - [a x=\"1\" ]",
        "<1>1 - - - - - [a][a]", "<1>1 - - - - - [a x=\"1\"][b][a y=\"2\"]", "<1>1 - - - - - [a",
        "<1>1 - - - - - [a x=\"1\"]m", "<1>1 - - - - - [a x= \"1\"]", "<1>1 - - - - - -m",
        "<1>1 - - - - - [abcdefghijabcdefghijabcdefghijabc]", "<1>1 - - - - - [a abcdefghijabcdefghijabcdefghijabc=\"\"]"})
    void shouldRejectMalformedStructuredData(String line) {
        assertFalse(decoder.decode(TestEvents.raw(line)), line);
    }

    @Test
    void shouldAcceptSdNamesOfThirtyTwoCharacters() {
        String name = "abcdefghijabcdefghijabcdefghijab";
        assertTrue(decoder.decode(TestEvents.raw("<1>1 - - - - - [" + name + " " + name + "=\"v\"]")));
    }

    @Test
    void shouldAcceptHeaderFieldsAtTheirLengthLimits() {
        LogEvent e = decoded("<191>999 - " + "h".repeat(255) + " " + "a".repeat(48) + " " + "p".repeat(128)
            + " " + "m".repeat(32) + " - x");
        assertEquals(255, e.spanLength(Field.HOSTNAME));
        assertEquals(48, e.spanLength(Field.APP_NAME));
        assertEquals(128, e.spanLength(Field.PROC_ID));
        assertEquals(32, e.spanLength(Field.MSG_ID));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void shouldRejectHeaderFieldOneOverItsLimit(int index) {
        String[] fields = {"h".repeat(255), "a".repeat(48), "p".repeat(128), "m".repeat(32)};
        fields[index] = fields[index] + "x";
        assertFalse(decoder.decode(TestEvents.raw("<1>1 - " + String.join(" ", fields) + " - x")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "<1>", "<01>1 - - - - - -", "<192>1 - - - - - -", "<1000>1 - - - - - -", "<>1 - - - - - -",
        "<1>0 - - - - - -", "<1>1000 - - - - - -", "<1>01 - - - - - -", "<1> - - - - - -", "<1>1 -- - - - -",
        "<1>1 - host\nname - - - -", "<1>1 -   - - - -", "<1>1 - h\u00e9 - - - -", "<1>1 - - - - -",
        "<1>1 - - - - - ", "<1>1 2003-10-11T22:14:15.003 - - - - -", "<1>1 - - - - x\ty -"})
    void shouldRejectMalformedHeader(String line) {
        LogEvent e = TestEvents.raw(line);
        assertFalse(decoder.decode(e), line);
        assertEquals(Format.RAW, e.format());
    }

    @Test
    void shouldAcceptPriZeroAndVersionsUpTo999() {
        assertEquals(0, decoded("<0>1 - - - - - -").severity());
        assertTrue(decoder.decode(TestEvents.raw("<191>999 - - - - - -")));
    }

    @Test
    void shouldRejectDuplicateSdIdAfterManyElements() {
        StringBuilder sd = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sd.append("[id").append(i).append(']');
        }
        assertTrue(decoder.decode(TestEvents.raw("<1>1 - - - - - " + sd)));
        assertFalse(decoder.decode(TestEvents.raw("<1>1 - - - - - " + sd + "[id7]")));
    }

    @Test
    void shouldForgetSdIdsOfThePreviousMessage() {
        assertTrue(decoder.decode(TestEvents.raw("<1>1 - - - - - [a]")));
        assertTrue(decoder.decode(TestEvents.raw("<1>1 - - - - - [a]")));
    }

    @Test
    void shouldAcceptNonUtf8Message() {
        byte[] latin1 = "<1>1 - - - - - - fondue \u00fc".getBytes(StandardCharsets.ISO_8859_1);
        LogEvent e = TestEvents.raw(latin1);
        assertTrue(decoder.decode(e));
        assertEquals(17, e.spanOffset(Field.MESSAGE));
        assertEquals(latin1.length - 17, e.spanLength(Field.MESSAGE));
    }

    private LogEvent decoded(String line) {
        LogEvent e = TestEvents.raw(line);
        assertTrue(decoder.decode(e), line);
        return e;
    }
}
