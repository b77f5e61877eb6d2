package io.sluice.ingest.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.resource.v1.Resource;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import io.sluice.ingest.http.IngestRequest;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Requests and assertions shared by the OTLP tests. */
final class OtlpTestRequests {
    static final long RECEIVED_AT = 1_800_000_000_000_000_000L;
    static final byte[] PEER = "10.1.2.3:41000".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_LINE_BYTES = 65_536;
    static final ObjectMapper MAPPER = new ObjectMapper();

    static final byte[] TRACE_ID = {0x5b, (byte) 0x8e, (byte) 0xff, (byte) 0xf7, (byte) 0x98, 0x03, (byte) 0x81, 0x03,
        (byte) 0xd2, 0x69, (byte) 0xb6, 0x33, (byte) 0x81, 0x3f, (byte) 0xc6, 0x0c};
    static final byte[] SPAN_ID = {(byte) 0xee, (byte) 0xe1, (byte) 0x9b, 0x7e, (byte) 0xc3, (byte) 0xc1, (byte) 0xb1,
        0x74};

    private OtlpTestRequests() {
    }

    static IngestRequest request(String contentType, byte[] body) {
        return request(contentType, body, MAX_LINE_BYTES);
    }

    static IngestRequest request(String contentType, byte[] body, int maxLineBytes) {
        return new IngestRequest(contentType, OtlpLogsProtocol.PATH, null, Buffer.buffer(body), RECEIVED_AT, PEER,
            maxLineBytes);
    }

    static IngestRequest protobuf(ExportLogsServiceRequest export) {
        return request("application/x-protobuf", export.toByteArray());
    }

    static IngestRequest json(String json) {
        return request("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    static AnyValue string(String value) {
        return AnyValue.newBuilder().setStringValue(value).build();
    }

    static AnyValue integer(long value) {
        return AnyValue.newBuilder().setIntValue(value).build();
    }

    static KeyValue kv(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    /** One attribute of every AnyValue kind, nested ones included. */
    static Iterable<KeyValue> everyKind() {
        AnyValue array = AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
            .addValues(string("a")).addValues(integer(1)).addValues(AnyValue.newBuilder().setBoolValue(false))
            .addValues(AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder().addValues(integer(2))))).build();
        AnyValue kvlist = AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
            .addValues(kv("inner", string("x")))
            .addValues(kv("deeper", AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
                .addValues(kv("n", AnyValue.newBuilder().setDoubleValue(-0.5).build()))).build()))).build();
        return List.of(
            kv("str", string("some string")),
            kv("bool", AnyValue.newBuilder().setBoolValue(true).build()),
            kv("int", integer(Long.MIN_VALUE)),
            kv("double", AnyValue.newBuilder().setDoubleValue(637.704).build()),
            kv("nan", AnyValue.newBuilder().setDoubleValue(Double.NaN).build()),
            kv("array", array),
            kv("map", kvlist),
            kv("bytes", AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(new byte[] {1, 2, 3, (byte) 0xff}))
                .build()),
            kv("empty", AnyValue.getDefaultInstance()));
    }

    /** What {@link #everyKind()} renders as. */
    static final String EVERY_KIND_JSON = """
        {"str":"some string","bool":true,"int":-9223372036854775808,"double":637.704,"nan":"NaN",
         "array":["a",1,false,[2]],"map":{"inner":"x","deeper":{"n":-0.5}},"bytes":"AQID/w==","empty":null}""";

    /**
     * Two resources, three scopes, five records: a full record with every attribute kind and ids, a kvlist body
     * without time or number, an empty record, an int body with invalid ids, a bytes body.
     */
    static ExportLogsServiceRequest richRequest() {
        Resource checkout = Resource.newBuilder()
            .addAttributes(kv("service.name", string("checkout")))
            .addAttributes(kv("host.name", string("web01")))
            .addAttributes(kv("process.pid", integer(4242)))
            .addAttributes(kv("deployment.environment", string("prod"))).build();
        LogRecord full = LogRecord.newBuilder()
            .setTimeUnixNano(1_700_000_000_123_456_789L).setObservedTimeUnixNano(1_700_000_000_200_000_000L)
            .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_ERROR).setSeverityText("ERROR")
            .setBody(string("payment failed")).addAllAttributes(everyKind())
            .setTraceId(ByteString.copyFrom(TRACE_ID)).setSpanId(ByteString.copyFrom(SPAN_ID))
            .setFlags(1).setEventName("payment.failure").build();
        LogRecord kvBody = LogRecord.newBuilder().setObservedTimeUnixNano(1_700_000_001_000_000_000L)
            .setSeverityText("warn")
            .setBody(AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
                .addValues(kv("a", integer(1)))
                .addValues(kv("b", AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
                    .addValues(AnyValue.newBuilder().setBoolValue(true))).build())))).build();
        LogRecord intBody = LogRecord.newBuilder().setTimeUnixNano(5L)
            .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO2).setBody(integer(42))
            .setTraceId(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5})).setSpanId(ByteString.copyFrom(new byte[8]))
            .build();
        LogRecord bytesBody = LogRecord.newBuilder().setTimeUnixNano(6L)
            .setBody(AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(new byte[] {1, 2, 3}))).build();
        return ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(ResourceLogs.newBuilder().setResource(checkout)
                .addScopeLogs(ScopeLogs.newBuilder()
                    .setScope(InstrumentationScope.newBuilder().setName("io.sluice.test").setVersion("1.2.3")
                        .addAttributes(kv("scope.attr", AnyValue.newBuilder().setBoolValue(true).build())))
                    .addLogRecords(full).addLogRecords(kvBody))
                .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(LogRecord.getDefaultInstance())))
            .addResourceLogs(ResourceLogs.newBuilder()
                .addScopeLogs(ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName("b"))
                    .addLogRecords(intBody).addLogRecords(bytesBody)))
            .build();
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event's attributes equal {@code expectedJson}, compared as JSON trees (key order aside). */
    static void assertAttributes(String expectedJson, LogEvent event) {
        assertEquals(tree(expectedJson), tree(event.fieldAsString(Field.ATTRIBUTES)),
            event.fieldAsString(Field.ATTRIBUTES));
    }
}
