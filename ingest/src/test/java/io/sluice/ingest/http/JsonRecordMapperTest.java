package io.sluice.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonRecordMapperTest {
    /** 2023-11-14T22:13:20Z. */
    private static final long EPOCH_SECONDS = 1_700_000_000L;
    private static final long NANOS = 1_000_000_000L;

    private final JsonRecordMapper mapper = new JsonRecordMapper();

    @Test
    void shouldMapEveryWellKnownFieldAndKeepTheRestAsOneObject() {
        LogEvent e = mapped("{\"@timestamp\":\"2023-11-14T22:13:20.5Z\",\"level\":\"ERROR\",\"host\":\"web-1\","
            + "\"service\":\"checkout\",\"message\":\"payment failed\",\"user\":\"bob\",\"http\":{\"status\":502}}");
        assertEquals(Format.JSON, e.format());
        assertEquals(EPOCH_SECONDS * NANOS + 500_000_000L, e.timestampNanos());
        assertEquals(0, e.timestampOffsetSeconds());
        assertEquals(Severity.ERROR.code(), e.severity());
        assertEquals("web-1", e.fieldAsString(Field.HOSTNAME));
        assertEquals("checkout", e.fieldAsString(Field.APP_NAME));
        assertEquals("payment failed", e.fieldAsString(Field.MESSAGE));
        assertEquals("{\"user\":\"bob\",\"http\":{\"status\":502}}", e.fieldAsString(Field.ATTRIBUTES));
    }

    @Test
    void shouldKeepTheOffsetTheSenderWrote() {
        LogEvent e = mapped("{\"timestamp\":\"2023-11-14T22:13:20.123456789+02:00\"}");
        assertEquals((EPOCH_SECONDS - 7200) * NANOS + 123_456_789L, e.timestampNanos());
        assertEquals(7200, e.timestampOffsetSeconds());
        assertNull(e.fieldAsString(Field.ATTRIBUTES), "the used key is not repeated in the attributes");
    }

    @Test
    void shouldReadATimestampWithoutOffsetAsUtcWithNoOffset() {
        LogEvent e = mapped("{\"timestamp\":\"2023-11-14 22:13:20\"}");
        assertEquals(EPOCH_SECONDS * NANOS, e.timestampNanos());
        assertEquals(LogEvent.NO_OFFSET, e.timestampOffsetSeconds());
    }

    @Test
    void shouldReadEpochMillisNumbersAsUtc() {
        LogEvent whole = mapped("{\"timestamp\":1700000000123}");
        assertEquals(1_700_000_000_123_000_000L, whole.timestampNanos());
        assertEquals(0, whole.timestampOffsetSeconds());
        assertEquals(1_700_000_000_123_500_000L, mapped("{\"@timestamp\":1700000000123.5}").timestampNanos());
    }

    @Test
    void shouldPreferAtTimestampAndKeepTheOtherInAttributes() {
        LogEvent e = mapped("{\"timestamp\":\"2020-01-01T00:00:00Z\",\"@timestamp\":\"2023-11-14T22:13:20Z\"}");
        assertEquals(EPOCH_SECONDS * NANOS, e.timestampNanos());
        assertEquals("{\"timestamp\":\"2020-01-01T00:00:00Z\"}", e.fieldAsString(Field.ATTRIBUTES));
    }

    @Test
    void shouldKeepTimestampsItCannotReadInTheAttributes() {
        LogEvent e = mapped("{\"timestamp\":\"yesterday at noon\",\"@timestamp\":\"2023-11-14T22:13:20Z junk\"}");
        assertEquals(LogEvent.NO_TIMESTAMP, e.timestampNanos());
        assertEquals("{\"timestamp\":\"yesterday at noon\",\"@timestamp\":\"2023-11-14T22:13:20Z junk\"}",
            e.fieldAsString(Field.ATTRIBUTES));
        assertEquals(LogEvent.NO_TIMESTAMP, mapped("{\"timestamp\":99999999999999999999}").timestampNanos());
        assertEquals(LogEvent.NO_TIMESTAMP, mapped("{\"timestamp\":true}").timestampNanos());
    }

    @ParameterizedTest
    @CsvSource({
        "'\"level\":\"warn\"', 4", "'\"level\":\"Fatal\"', 2", "'\"severity\":\"debug\"', 7", "'\"severity\":3', 3",
        "'\"level\":\"6\"', 6", "'\"log.level\":\"INFO\"', 6", "'\"log\":{\"level\":\"error\"}', 3",
        "'\"level\":0', 0"})
    void shouldMapLevelWordsAndSyslogNumbers(String member, int severity) {
        assertEquals(severity, mapped("{" + member + "}").severity());
    }

    @Test
    void shouldKeepLevelsItCannotMapInTheAttributes() {
        LogEvent e = mapped("{\"level\":\"chatty\",\"severity\":9}");
        assertEquals(Severity.UNKNOWN, e.severity());
        assertEquals("{\"level\":\"chatty\",\"severity\":9}", e.fieldAsString(Field.ATTRIBUTES));
    }

    @Test
    void shouldFallBackToTheNextAliasWhenTheFirstIsUnusable() {
        LogEvent e = mapped("{\"level\":\"chatty\",\"severity\":\"notice\"}");
        assertEquals(Severity.NOTICE.code(), e.severity());
        assertEquals("{\"level\":\"chatty\"}", e.fieldAsString(Field.ATTRIBUTES));
    }

    @ParameterizedTest
    @CsvSource({"host", "hostname", "host.name"})
    void shouldMapEveryHostKey(String key) {
        assertEquals("db-7", mapped("{\"" + key + "\":\"db-7\"}").fieldAsString(Field.HOSTNAME));
    }

    @ParameterizedTest
    @CsvSource({"service", "app", "service.name"})
    void shouldMapEveryAppKey(String key) {
        assertEquals("billing", mapped("{\"" + key + "\":\"billing\"}").fieldAsString(Field.APP_NAME));
    }

    @ParameterizedTest
    @CsvSource({"message", "msg", "log"})
    void shouldMapEveryMessageKey(String key) {
        assertEquals("disk full", mapped("{\"" + key + "\":\"disk full\"}").fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldPreferMessageOverMsgOverLogWhateverTheOrder() {
        LogEvent e = mapped("{\"log\":\"c\",\"msg\":\"b\",\"message\":\"a\"}");
        assertEquals("a", e.fieldAsString(Field.MESSAGE));
        assertEquals("{\"log\":\"c\",\"msg\":\"b\"}", e.fieldAsString(Field.ATTRIBUTES));
    }

    @Test
    void shouldReadEcsObjectsAsBeatsSendThemAndKeepThemWhole() {
        LogEvent e = mapped("{\"host\":{\"name\":\"web-3\",\"os\":{\"family\":\"debian\"}},"
            + "\"service\":{\"name\":\"api\",\"version\":\"2.1\"},\"log\":{\"level\":\"warn\",\"offset\":17}}");
        assertEquals("web-3", e.fieldAsString(Field.HOSTNAME));
        assertEquals("api", e.fieldAsString(Field.APP_NAME));
        assertEquals(Severity.WARNING.code(), e.severity());
        assertEquals("{\"host\":{\"name\":\"web-3\",\"os\":{\"family\":\"debian\"}},"
            + "\"service\":{\"name\":\"api\",\"version\":\"2.1\"},\"log\":{\"level\":\"warn\",\"offset\":17}}",
            e.fieldAsString(Field.ATTRIBUTES));
        assertNull(e.fieldAsString(Field.MESSAGE), "an object under \"log\" is not a message");
    }

    @Test
    void shouldKeepTextFieldsThatAreNotStringsInTheAttributes() {
        LogEvent e = mapped("{\"message\":{\"text\":\"x\"},\"host\":42,\"app\":null}");
        assertNull(e.fieldAsString(Field.MESSAGE));
        assertNull(e.fieldAsString(Field.HOSTNAME));
        assertNull(e.fieldAsString(Field.APP_NAME));
        assertEquals("{\"message\":{\"text\":\"x\"},\"host\":42,\"app\":null}", e.fieldAsString(Field.ATTRIBUTES));
    }

    @Test
    void shouldWriteNumbersBackExactlyAsSent() {
        String attributes = mapped("{\"a\":1.10,\"b\":1e400,\"c\":123456789012345678901234567890,\"d\":-0.0}")
            .fieldAsString(Field.ATTRIBUTES);
        assertEquals("{\"a\":1.10,\"b\":1E+400,\"c\":123456789012345678901234567890,\"d\":0.0}", attributes);
    }

    @Test
    void shouldLeaveAttributesAbsentWhenEveryKeyWasUsed() {
        LogEvent e = mapped("{\"msg\":\"only\"}");
        assertNull(e.fieldAsString(Field.ATTRIBUTES));
        assertEquals(Severity.UNKNOWN, e.severity());
        assertEquals(LogEvent.NO_TIMESTAMP, e.timestampNanos());
    }

    @Test
    void shouldKeepNonAsciiTextIntact() {
        LogEvent e = mapped("{\"message\":\"Grüße \\u2603 日本\",\"ключ\":\"значение\"}");
        assertEquals("Grüße \u2603 日本", e.fieldAsString(Field.MESSAGE));
        assertEquals("{\"ключ\":\"значение\"}", e.fieldAsString(Field.ATTRIBUTES));
    }

    @Test
    void shouldRejectWhatIsNotExactlyOneJsonObject() {
        assertFailure("[1,2]", "not a JSON object but array");
        assertFailure("\"text\"", "not a JSON object but string");
        assertFailure("{\"a\":1} {\"b\":2}", "invalid JSON at column");
        assertFailure("{\"a\":", "invalid JSON at column");
        assertFailure("hello world", "invalid JSON at column 1: Unrecognized token 'hello'");
    }

    private void assertFailure(String line, String expectedStart) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        assertNull(mapper.parseObject(b, 0, b.length), line);
        assertNotNull(mapper.failure());
        assertTrue(mapper.failure().startsWith(expectedStart), mapper.failure());
    }

    private LogEvent mapped(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ObjectNode record = mapper.parseObject(b, 0, b.length);
        assertNotNull(record, mapper.failure());
        EventDraft draft = new EventDraft();
        mapper.map(record, draft);
        LogEvent event = new LogEvent(0);
        byte[] peer = HttpTestRequests.PEER.getBytes(StandardCharsets.US_ASCII);
        draft.writeTo(event, HttpTestRequests.RECEIVED_AT_NANOS, peer, peer.length);
        return event;
    }
}
