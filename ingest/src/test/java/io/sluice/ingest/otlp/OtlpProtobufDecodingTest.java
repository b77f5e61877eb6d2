package io.sluice.ingest.otlp;

import static io.sluice.ingest.otlp.OtlpTestRequests.EVERY_KIND_JSON;
import static io.sluice.ingest.otlp.OtlpTestRequests.PEER;
import static io.sluice.ingest.otlp.OtlpTestRequests.RECEIVED_AT;
import static io.sluice.ingest.otlp.OtlpTestRequests.assertAttributes;
import static io.sluice.ingest.otlp.OtlpTestRequests.protobuf;
import static io.sluice.ingest.otlp.OtlpTestRequests.richRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.sluice.core.Facility;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import io.sluice.core.Transport;
import io.sluice.ingest.http.DecodedBody;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Binary protobuf requests, built with the generated builders, become the events the mapping promises. */
class OtlpProtobufDecodingTest {
    private static final String CHECKOUT_RESOURCE = """
        {"service.name":"checkout","host.name":"web01","process.pid":4242,"deployment.environment":"prod"}""";

    private final OtlpLogsProtocol protocol = new OtlpLogsProtocol();

    private List<LogEvent> decodeRich() {
        DecodedBody body = protocol.decode(protobuf(richRequest()));
        assertEquals(5, body.events().size());
        return body.events();
    }

    @Test
    void shouldStoreEveryRecordOfEveryResourceAndScopeInRequestOrder() {
        List<LogEvent> events = decodeRich();
        assertEquals(List.of("payment failed", "{\"a\":1,\"b\":[true]}", "<absent>", "42", "\"AQID\""),
            events.stream().map(e -> e.has(Field.MESSAGE) ? e.fieldAsString(Field.MESSAGE) : "<absent>").toList());
        for (LogEvent event : events) {
            assertEquals(Format.OTLP, event.format());
            assertEquals(Transport.HTTP, event.transport());
            assertEquals(RECEIVED_AT, event.receivedAtNanos());
            assertEquals(new String(PEER, StandardCharsets.US_ASCII),
                new String(event.peer(), 0, event.peerLength(), StandardCharsets.US_ASCII));
            assertEquals(Facility.UNKNOWN, event.facility());
            assertFalse(event.has(Field.MSG_ID));
            assertFalse(event.has(Field.STRUCTURED_DATA));
        }
    }

    @Test
    void shouldMapTheFullRecordFieldByField() {
        LogEvent e = decodeRich().get(0);
        assertEquals("payment failed", e.fieldAsString(Field.MESSAGE));
        assertEquals(Severity.ERROR.code(), e.severity());
        assertEquals(1_700_000_000_123_456_789L, e.timestampNanos(), "timeUnixNano wins over observed time");
        assertEquals(0, e.timestampOffsetSeconds(), "UTC");
        assertEquals("web01", e.fieldAsString(Field.HOSTNAME));
        assertEquals("checkout", e.fieldAsString(Field.APP_NAME));
        assertEquals("4242", e.fieldAsString(Field.PROC_ID), "an int pid becomes its decimal text");
        assertAttributes("{\"resource\":" + CHECKOUT_RESOURCE + ","
            + "\"scope\":{\"name\":\"io.sluice.test\",\"version\":\"1.2.3\",\"attributes\":{\"scope.attr\":true}},"
            + "\"attributes\":" + EVERY_KIND_JSON + ","
            + "\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\","
            + "\"severityText\":\"ERROR\",\"flags\":1,\"eventName\":\"payment.failure\"}", e);
    }

    @Test
    void shouldWriteTheAttributeObjectInItsDocumentedKeyOrder() {
        String json = decodeRich().get(0).fieldAsString(Field.ATTRIBUTES);
        int[] at = Arrays.stream(new String[] {"\"resource\"", "\"scope\"", "\"attributes\"", "\"traceId\"",
            "\"spanId\"", "\"severityText\"", "\"flags\"", "\"eventName\""}).mapToInt(json::indexOf).toArray();
        for (int i = 1; i < at.length; i++) {
            assertTrue(at[i - 1] >= 0 && at[i - 1] < at[i], json);
        }
    }

    @Test
    void shouldRenderANonStringBodyAsJsonAndFallBackToObservedTimeAndSeverityText() {
        LogEvent e = decodeRich().get(1);
        assertEquals("{\"a\":1,\"b\":[true]}", e.fieldAsString(Field.MESSAGE));
        assertEquals(1_700_000_001_000_000_000L, e.timestampNanos());
        assertEquals(Severity.WARNING.code(), e.severity(), "no severityNumber: severityText \"warn\" decides");
        assertAttributes("{\"resource\":" + CHECKOUT_RESOURCE + ","
            + "\"scope\":{\"name\":\"io.sluice.test\",\"version\":\"1.2.3\",\"attributes\":{\"scope.attr\":true}},"
            + "\"severityText\":\"warn\"}", e);
    }

    @Test
    void shouldStoreAnEmptyRecordWithOnlyItsResource() {
        LogEvent e = decodeRich().get(2);
        assertFalse(e.has(Field.MESSAGE));
        assertEquals(LogEvent.NO_TIMESTAMP, e.timestampNanos());
        assertEquals(LogEvent.NO_OFFSET, e.timestampOffsetSeconds());
        assertEquals(Severity.UNKNOWN, e.severity());
        assertEquals("web01", e.fieldAsString(Field.HOSTNAME));
        assertAttributes("{\"resource\":" + CHECKOUT_RESOURCE + "}", e);
    }

    @Test
    void shouldDropInvalidIdsAndLeaveHostAndAppAbsentWithoutResource() {
        LogEvent e = decodeRich().get(3);
        assertEquals("42", e.fieldAsString(Field.MESSAGE));
        assertEquals(Severity.INFORMATIONAL.code(), e.severity());
        assertEquals(5L, e.timestampNanos());
        assertFalse(e.has(Field.HOSTNAME));
        assertFalse(e.has(Field.APP_NAME));
        assertFalse(e.has(Field.PROC_ID));
        assertAttributes("{\"scope\":{\"name\":\"b\"}}", e); // 5-byte trace id and all-zero span id are no ids
    }

    @Test
    void shouldRenderABytesBodyAsItsBase64JsonString() {
        assertEquals("\"AQID\"", decodeRich().get(4).fieldAsString(Field.MESSAGE));
    }

    @Test
    void shouldLeaveAttributesAbsentWhenTheRecordCarriesNothingElse() {
        ExportLogsServiceRequest bare = ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(ResourceLogs.newBuilder().addScopeLogs(ScopeLogs.newBuilder()
                .addLogRecords(LogRecord.newBuilder().setBody(OtlpTestRequests.string("hi"))))).build();
        LogEvent e = protocol.decode(protobuf(bare)).events().get(0);
        assertEquals("hi", e.fieldAsString(Field.MESSAGE));
        assertFalse(e.has(Field.ATTRIBUTES));
    }

    @Test
    void shouldKeepTheFirstOfRepeatedAttributeKeys() {
        ExportLogsServiceRequest repeated = ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(ResourceLogs.newBuilder().addScopeLogs(ScopeLogs.newBuilder()
                .addLogRecords(LogRecord.newBuilder()
                    .addAttributes(OtlpTestRequests.kv("k", OtlpTestRequests.string("first")))
                    .addAttributes(OtlpTestRequests.kv("k", OtlpTestRequests.string("second")))))).build();
        LogEvent e = protocol.decode(protobuf(repeated)).events().get(0);
        assertEquals("{\"attributes\":{\"k\":\"first\"}}", e.fieldAsString(Field.ATTRIBUTES));
    }

    @Test
    void shouldAcceptAnEmptyRequestWithNoEvents() {
        DecodedBody body = protocol.decode(OtlpTestRequests.request("application/x-protobuf", new byte[0]));
        assertTrue(body.events().isEmpty());
        assertEquals(0, ((OtlpDecodedBody) body).responseBody().length(), "a full success is an empty message");
    }
}
