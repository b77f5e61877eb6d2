package io.sluice.ingest.otlp;

import static io.sluice.ingest.otlp.OtlpTestRequests.request;
import static io.sluice.ingest.otlp.OtlpTestRequests.richRequest;
import static io.sluice.ingest.otlp.OtlpTestRequests.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.CodedInputStream;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.sluice.core.Field;
import io.sluice.ingest.http.IngestRejection;
import io.sluice.ingest.http.IngestRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What goes back: ExportLogsServiceResponse in the request's encoding, partial success, Status error bodies. */
class OtlpResponseTest {
    private static final String PROTOBUF = "application/x-protobuf";
    private static final String JSON = "application/json";

    private final OtlpLogsProtocol protocol = new OtlpLogsProtocol();

    /** Small enough that the full record (all its attributes) and the kvlist one (resource attributes) do not fit. */
    private static final int LIMIT = 200;

    private OtlpDecodedBody decode(IngestRequest request) {
        return (OtlpDecodedBody) protocol.decode(request);
    }

    @Test
    void shouldAnswerAFullSuccessWithAnEmptyProtobufResponse() throws IOException {
        OtlpDecodedBody body = decode(request(PROTOBUF, richRequest().toByteArray()));
        assertEquals(PROTOBUF, body.contentType());
        assertEquals(0, body.rejected());
        ExportLogsServiceResponse response = ExportLogsServiceResponse.parseFrom(body.responseBody().getBytes());
        assertFalse(response.hasPartialSuccess(), "the spec: leave partial_success unset on full success");
    }

    @Test
    void shouldAnswerAFullSuccessWithAnEmptyJsonObject() {
        OtlpDecodedBody body = decode(request(JSON, OtlpJsonDecodingTest.SPEC_EXAMPLE.getBytes(StandardCharsets.UTF_8)));
        assertEquals(JSON, body.contentType());
        assertEquals("{}", body.responseBody().toString());
    }

    @Test
    void shouldRejectRecordsLongerThanTheLineLimitAndStoreTheRestWithAProtobufPartialSuccess() throws IOException {
        OtlpDecodedBody body = decode(request(PROTOBUF, richRequest().toByteArray(), LIMIT));
        assertEquals(2, body.rejected());
        assertEquals(3, body.events().size());
        assertEquals("42", body.events().get(1).fieldAsString(Field.MESSAGE), "the short records are kept in order");
        ExportLogsServiceResponse response = ExportLogsServiceResponse.parseFrom(body.responseBody().getBytes());
        assertTrue(response.hasPartialSuccess());
        assertEquals(2, response.getPartialSuccess().getRejectedLogRecords());
        String message = response.getPartialSuccess().getErrorMessage();
        assertTrue(message.startsWith("2 log records rejected: a record is stored as one event of at most 200 bytes"),
            message);
        assertTrue(message.contains("first: resourceLogs[0].scopeLogs[0].logRecords[0] ("), message);
    }

    @Test
    void shouldAnswerAPartialSuccessInJsonWithTheCountAsAnInt64String() {
        String json = """
            {"resourceLogs":[{"scopeLogs":[{"logRecords":[
              {"body":{"stringValue":"short"}},
              {"body":{"stringValue":"%s"}}]}]}]}""".formatted("x".repeat(300));
        OtlpDecodedBody body = decode(request(JSON, json.getBytes(StandardCharsets.UTF_8), LIMIT));
        assertEquals(1, body.events().size());
        JsonNode answer = tree(body.responseBody().toString());
        assertEquals(1, answer.size());
        JsonNode partial = answer.get("partialSuccess");
        assertEquals("1", partial.get("rejectedLogRecords").textValue());
        assertEquals("1 log record rejected: a record is stored as one event of at most 200 bytes (body, attributes,"
            + " resource and scope attributes and ids together); first: resourceLogs[0].scopeLogs[0].logRecords[1]"
            + " (300 bytes)", partial.get("errorMessage").textValue());
    }

    @Test
    void shouldRejectAnotherContentTypeWith415AndAProtobufStatus() throws IOException {
        for (String type : new String[] {"text/plain", "", "application/x-ndjson", "application/protobuf"}) {
            IngestRejection rejection = assertThrows(IngestRejection.class,
                () -> protocol.decode(request(type, new byte[0])));
            assertEquals(415, rejection.status());
            assertEquals(PROTOBUF, rejection.contentType());
            String message = statusMessage(rejection.body().getBytes());
            assertTrue(message.contains("application/x-protobuf or application/json"), message);
            assertEquals(rejection.getMessage(), message);
        }
    }

    @Test
    void shouldRejectABodyThatIsNotProtobufWith400InProtobuf() throws IOException {
        byte[] truncated = {0x0a, 0x05, 0x01}; // field 1, 5 bytes announced, 1 there
        IngestRejection rejection = assertThrows(IngestRejection.class,
            () -> protocol.decode(request(PROTOBUF, truncated)));
        assertEquals(400, rejection.status());
        assertEquals(PROTOBUF, rejection.contentType());
        assertTrue(statusMessage(rejection.body().getBytes()).startsWith(
            "not an OTLP ExportLogsServiceRequest in application/x-protobuf: "));
    }

    @Test
    void shouldRejectMalformedJsonWith400AndAJsonStatusNamingTheProblem() {
        String[][] cases = {
            {"{\"resourceLogs\":", "not JSON"},
            {"[]", "one ExportLogsServiceRequest object"},
            {"", "one ExportLogsServiceRequest object"},
            {"{\"resourceLogs\":[]}\n{\"resourceLogs\":[]}", "not JSON"},
            {"{\"resourceLogs\":{}}", "resourceLogs must be a JSON array"},
            {"{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"severityNumber\":\"SEVERITY_NUMBER_INFO\"}]}]}]}",
                "does not allow enum names"},
            {"{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":\"soon\"}]}]}]}",
                "timeUnixNano must be an integer"},
            {"{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"boolValue\":\"yes\"}}]}]}]}",
                "boolValue must be true or false"},
            {"{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"intValue\":\"1.5\"}}]}]}]}",
                "intValue must be an integer"},
            {"{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"bytesValue\":\"**\"}}]}]}]}",
                "bytesValue must be base64"},
            {"{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":1}]}}]}", "key must be a JSON string"},
        };
        for (String[] c : cases) {
            IngestRejection rejection = assertThrows(IngestRejection.class,
                () -> protocol.decode(request(JSON, c[0].getBytes(StandardCharsets.UTF_8))), c[0]);
            assertEquals(400, rejection.status(), c[0]);
            assertEquals(JSON, rejection.contentType());
            JsonNode status = tree(rejection.body().toString());
            assertEquals(1, status.size(), "google.rpc.Status with only its message");
            String message = status.get("message").textValue();
            assertTrue(message.startsWith("not an OTLP ExportLogsServiceRequest in application/json: "), message);
            assertTrue(message.contains(c[1]), message + " should mention " + c[1]);
        }
    }

    @Test
    void shouldEncodeTheSourcesOwnFailuresAsAStatusInTheRequestsEncoding() throws IOException {
        IngestRejection json = protocol.rejection(JSON, 503, "ring full");
        assertEquals(503, json.status());
        assertEquals("{\"message\":\"ring full\"}", json.body().toString());
        IngestRejection other = protocol.rejection("text/plain", 413, "too large");
        assertEquals(PROTOBUF, other.contentType());
        assertEquals("too large", statusMessage(other.body().getBytes()));
    }

    @Test
    void shouldKeepTheGenericRejectionWithoutABody() {
        IngestRejection generic = new IngestRejection(400, "bad");
        assertNull(generic.contentType());
        assertNull(generic.body());
        assertThrows(IllegalArgumentException.class, () -> new IngestRejection(400, "bad", JSON, null));
    }

    /** google.rpc.Status is not on the classpath: read its field 2 (message) by hand, reject anything else. */
    private static String statusMessage(byte[] status) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(status);
        String message = null;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            assertEquals((2 << 3) | 2, tag, "only Status.message is set");
            message = in.readString();
        }
        return message;
    }
}
