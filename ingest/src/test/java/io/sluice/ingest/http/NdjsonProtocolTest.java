package io.sluice.ingest.http;

import static io.sluice.ingest.http.HttpTestRequests.MAX_LINE_BYTES;
import static io.sluice.ingest.http.HttpTestRequests.PEER;
import static io.sluice.ingest.http.HttpTestRequests.RECEIVED_AT_NANOS;
import static io.sluice.ingest.http.HttpTestRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import io.sluice.core.Transport;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NdjsonProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NdjsonProtocol protocol = new NdjsonProtocol();

    @Test
    void shouldStoreGoodLinesAndReportBadOnesByLineNumber() throws Exception {
        NdjsonResult result = protocol.decode(request("application/x-ndjson", """
            {"message":"first","level":"info"}
            not json at all
            {"message":"second"}
            [1,2,3]

            {"message":"third"}
            {"message": "cut
            """));
        assertEquals(List.of("first", "second", "third"), messages(result.events()));
        assertEquals(3, result.rejected(), "lines 2, 4 and 7 are bad");
        assertEquals(List.of(2, 4, 7), result.errors().stream().map(NdjsonResult.LineError::line).toList());
        assertTrue(result.errors().get(0).reason().startsWith("invalid JSON at column 1: Unrecognized token 'not'"),
            result.errors().get(0).reason());
        assertEquals("not a JSON object but array", result.errors().get(1).reason());

        JsonNode answer = JSON.readTree(result.responseBody().getBytes());
        assertEquals(3, answer.get("accepted").asInt());
        assertEquals(3, answer.get("rejected").asInt());
        assertEquals(3, answer.get("errors").size());
        assertEquals(4, answer.get("errors").get(1).get("line").asInt());
        assertEquals("not a JSON object but array", answer.get("errors").get(1).get("reason").asText());
        assertEquals(null, answer.get("errorsOmitted"), "nothing omitted below the cap");
    }

    @Test
    void shouldStampEveryJsonEventAsHttpWithReceiveTimeAndPeer() {
        LogEvent e = protocol.decode(request("application/x-ndjson",
            "{\"@timestamp\":\"2023-11-14T22:13:20Z\",\"severity\":\"warning\",\"hostname\":\"h\",\"app\":\"a\","
                + "\"msg\":\"m\",\"trace_id\":\"abc\"}")).events().get(0);
        assertEquals(Format.JSON, e.format());
        assertEquals(Transport.HTTP, e.transport());
        assertEquals(RECEIVED_AT_NANOS, e.receivedAtNanos());
        assertEquals(PEER, new String(e.peer(), 0, e.peerLength(), StandardCharsets.US_ASCII));
        assertEquals(1_700_000_000_000_000_000L, e.timestampNanos());
        assertEquals(Severity.WARNING.code(), e.severity());
        assertEquals("h", e.fieldAsString(Field.HOSTNAME));
        assertEquals("a", e.fieldAsString(Field.APP_NAME));
        assertEquals("m", e.fieldAsString(Field.MESSAGE));
        assertEquals("{\"trace_id\":\"abc\"}", e.fieldAsString(Field.ATTRIBUTES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-ndjson", "application/jsonl", "application/json"})
    void shouldAcceptEveryJsonLinesTypeWithCrLfAndBlankLines(String contentType) {
        NdjsonResult result = protocol.decode(request(contentType, "{\"msg\":\"a\"}\r\n\r\n  \r\n{\"msg\":\"b\"}\r\n"));
        assertEquals(List.of("a", "b"), messages(result.events()));
        assertEquals(0, result.rejected());
    }

    @Test
    void shouldSkipAUtf8ByteOrderMarkBeforeTheFirstLine() {
        NdjsonResult result = protocol.decode(request("application/x-ndjson", "\uFEFF{\"msg\":\"a\"}\n{\"msg\":\"b\"}"));
        assertEquals(List.of("a", "b"), messages(result.events()));
    }

    @Test
    void shouldRejectAnOversizedLineAndStoreTheOthers() {
        String big = "{\"msg\":\"" + "x".repeat(100) + "\"}";
        NdjsonResult result = protocol.decode(request("application/x-ndjson", null,
            "{\"msg\":\"ok\"}\n" + big + "\n{\"msg\":\"also ok\"}", 50));
        assertEquals(List.of("ok", "also ok"), messages(result.events()));
        assertEquals(List.of(new NdjsonResult.LineError(2, "line is 110 bytes, longer than the limit of 50")),
            result.errors());
    }

    @Test
    void shouldListOnlyTheFirstHundredErrorsAndCountTheRest() throws Exception {
        NdjsonResult result = protocol.decode(request("application/x-ndjson", "x\n".repeat(250) + "{\"msg\":\"ok\"}"));
        assertEquals(1, result.events().size());
        assertEquals(250, result.rejected());
        JsonNode answer = JSON.readTree(result.responseBody().getBytes());
        assertEquals(NdjsonResult.MAX_REPORTED_ERRORS, answer.get("errors").size());
        assertEquals(100, answer.get("errors").get(99).get("line").asInt());
        assertEquals(150, answer.get("errorsOmitted").asInt());
    }

    @Test
    void shouldParseTextLinesAsSyslogOrRaw() {
        NdjsonResult result = protocol.decode(request("text/plain", """
            <165>1 2023-11-14T22:13:20.003+01:00 web01 evntslog 42 ID47 [ex@32473 iut="3"] An application event
            <34>Nov 14 22:13:20 mymachine su: 'su root' failed for lonvick

            2023-11-14 22:13:20,747 INFO [main] plain application line
            """));
        List<LogEvent> events = result.events();
        assertEquals(3, events.size());
        assertEquals(0, result.rejected());

        LogEvent rfc5424 = events.get(0);
        assertEquals(Format.RFC5424, rfc5424.format());
        assertEquals(Severity.NOTICE.code(), rfc5424.severity());
        assertEquals("web01", rfc5424.fieldAsString(Field.HOSTNAME));
        assertEquals("evntslog", rfc5424.fieldAsString(Field.APP_NAME));
        assertEquals("[ex@32473 iut=\"3\"]", rfc5424.fieldAsString(Field.STRUCTURED_DATA));
        assertEquals(3600, rfc5424.timestampOffsetSeconds());

        LogEvent rfc3164 = events.get(1);
        assertEquals(Format.RFC3164, rfc3164.format());
        assertEquals("mymachine", rfc3164.fieldAsString(Field.HOSTNAME));
        assertEquals("su", rfc3164.fieldAsString(Field.APP_NAME));
        assertEquals(RECEIVED_AT_NANOS, rfc3164.timestampNanos(), "the BSD year is taken from the receive time");

        LogEvent raw = events.get(2);
        assertEquals(Format.RAW, raw.format());
        assertEquals("2023-11-14 22:13:20,747 INFO [main] plain application line", raw.fieldAsString(Field.MESSAGE));

        for (LogEvent e : events) {
            assertEquals(Transport.HTTP, e.transport());
            assertEquals(RECEIVED_AT_NANOS, e.receivedAtNanos());
            assertEquals(PEER, new String(e.peer(), 0, e.peerLength(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void shouldRejectOnlyOversizedTextLines() {
        NdjsonResult result = protocol.decode(request("text/plain", null,
            "short\n" + "y".repeat(MAX_LINE_BYTES + 1) + "\n\u0000\u00ff garbage <999>\n", MAX_LINE_BYTES));
        assertEquals(List.of("short", "\u0000\u00ff garbage <999>"), messages(result.events()));
        assertEquals(List.of(2), result.errors().stream().map(NdjsonResult.LineError::line).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "application/x-www-form-urlencoded", ""})
    void shouldRefuseOtherContentTypesWith415NamingTheAcceptedOnes(String contentType) {
        IngestRejection rejection = assertThrows(IngestRejection.class,
            () -> protocol.decode(request(contentType, "{\"msg\":\"x\"}")));
        assertEquals(415, rejection.status());
        assertTrue(rejection.getMessage().contains("application/x-ndjson"), rejection.getMessage());
        assertTrue(rejection.getMessage().contains("text/plain"), rejection.getMessage());
    }

    @Test
    void shouldAnswer200WithJsonOnTheWire() throws Exception {
        NdjsonResult result = protocol.decode(request("application/x-ndjson", "{\"msg\":\"a\"}\nbad"));
        try (LoopbackHttp http = new LoopbackHttp()) {
            LoopbackHttp.Answer answer = http.exchange(HttpMethod.POST, result::respond);
            assertEquals(200, answer.status());
            assertEquals("application/json", answer.headers().get("content-type"));
            assertEquals("{\"accepted\":1,\"rejected\":1,\"errors\":[{\"line\":2,\"reason\":"
                + "\"invalid JSON at column 1: Unrecognized token 'bad': was expecting (JSON String, Number, Array, "
                + "Object or token 'null', 'true' or 'false')\"}]}", answer.body());
        }
    }

    private static List<String> messages(List<LogEvent> events) {
        return events.stream().map(e -> e.fieldAsString(Field.MESSAGE)).toList();
    }
}
