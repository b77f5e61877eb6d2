package io.sluice.ingest.otlp;

import static io.sluice.ingest.otlp.OtlpTestRequests.assertAttributes;
import static io.sluice.ingest.otlp.OtlpTestRequests.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import io.sluice.core.Field;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OTLP/JSON bodies: the specification's own example, every value shape, the receiver rules. */
class OtlpJsonDecodingTest {
    /** opentelemetry-proto {@code examples/logs.json}, as published. */
    static final String SPEC_EXAMPLE = """
        {
          "resourceLogs": [
            {
              "resource": {
                "attributes": [
                  {
                    "key": "service.name",
                    "value": {
                      "stringValue": "my.service"
                    }
                  }
                ]
              },
              "scopeLogs": [
                {
                  "scope": {
                    "name": "my.library",
                    "version": "1.0.0",
                    "attributes": [
                      {
                        "key": "my.scope.attribute",
                        "value": {
                          "stringValue": "some scope attribute"
                        }
                      }
                    ]
                  },
                  "logRecords": [
                    {
                      "timeUnixNano": 1544712660300000000,
                      "observedTimeUnixNano": 1544712660300000000,
                      "severityText": "Information",
                      "traceId": "5B8EFFF798038103D269B633813FC60C",
                      "spanId": "EEE19B7EC3C1B174",
                      "body": {
                        "stringValue": "Example log record"
                      },
                      "attributes": [
                        {
                          "key": "string.attribute",
                          "value": {
                            "stringValue": "some string"
                          }
                        },
                        {
                          "key": "boolean.attribute",
                          "value": {
                            "boolValue": true
                          }
                        },
                        {
                          "key": "int.attribute",
                          "value": {
                            "intValue": 10
                          }
                        },
                        {
                          "key": "double.attribute",
                          "value": {
                            "doubleValue": 637.704
                          }
                        },
                        {
                          "key": "array.attribute",
                          "value": {
                            "arrayValue": {
                              "values": [
                                {
                                  "stringValue": "many"
                                },
                                {
                                  "stringValue": "values"
                                }
                              ]
                            }
                          }
                        },
                        {
                          "key": "map.attribute",
                          "value": {
                            "kvlistValue": {
                              "values": [
                                {
                                  "key": "some.map.key",
                                  "value": {
                                    "stringValue": "some value"
                                  }
                                }
                              ]
                            }
                          }
                        }
                      ]
                    }
                  ]
                }
              ]
            }
          ]
        }""";

    /** Every value shape; 64-bit integers as strings and as numbers, ids in mixed case. */
    private static final String EVERY_SHAPE = """
        {"resourceLogs":[{"resource":{"attributes":[
            {"key":"service.name","value":{"stringValue":"checkout"}},
            {"key":"process.pid","value":{"intValue":"4242"}}],"droppedAttributesCount":1},
          "schemaUrl":"https://opentelemetry.io/schemas/1.26.0",
          "scopeLogs":[{"scope":{"name":"lib","version":"2","attributes":[{"key":"s","value":{"boolValue":false}}]},
            "logRecords":[{
              "timeUnixNano":"1700000000123456789","observedTimeUnixNano":1700000000200000000,
              "severityNumber":13,"severityText":"WARN","flags":257,"eventName":"ev",
              "traceId":"5b8EFFF798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174",
              "body":{"kvlistValue":{"values":[{"key":"k","value":{"doubleValue":"NaN"}}]}},
              "attributes":[
                {"key":"big","value":{"intValue":"-9223372036854775808"}},
                {"key":"num","value":{"intValue":7}},
                {"key":"d","value":{"doubleValue":1.5}},
                {"key":"inf","value":{"doubleValue":"-Infinity"}},
                {"key":"b64","value":{"bytesValue":"AQID/w=="}},
                {"key":"b64url","value":{"bytesValue":"AQID_w"}},
                {"key":"arr","value":{"arrayValue":{"values":[{"intValue":"1"},{"arrayValue":{}}]}}},
                {"key":"empty","value":{}},
                {"key":"nokey"}],
              "droppedAttributesCount":3}]}]}]}""";

    private final OtlpLogsProtocol protocol = new OtlpLogsProtocol();

    @Test
    void shouldDecodeTheSpecificationExample() {
        List<LogEvent> events = protocol.decode(json(SPEC_EXAMPLE)).events();
        assertEquals(1, events.size());
        LogEvent e = events.get(0);
        assertEquals(Format.OTLP, e.format());
        assertEquals("Example log record", e.fieldAsString(Field.MESSAGE));
        assertEquals("my.service", e.fieldAsString(Field.APP_NAME));
        assertFalse(e.has(Field.HOSTNAME));
        assertEquals(1544712660300000000L, e.timestampNanos());
        assertEquals(Severity.INFORMATIONAL.code(), e.severity(), "severityText \"Information\", no number");
        assertAttributes("""
            {"resource":{"service.name":"my.service"},
             "scope":{"name":"my.library","version":"1.0.0","attributes":{"my.scope.attribute":"some scope attribute"}},
             "attributes":{"string.attribute":"some string","boolean.attribute":true,"int.attribute":10,
               "double.attribute":637.704,"array.attribute":["many","values"],
               "map.attribute":{"some.map.key":"some value"}},
             "traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","severityText":"Information"}""",
            e);
    }

    @Test
    void shouldReadEveryValueShapeIntoTheSameMessageProtobufWouldCarry() throws IOException {
        ExportLogsServiceRequest expected = ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(ResourceLogs.newBuilder()
                .setResource(Resource.newBuilder().setDroppedAttributesCount(1)
                    .addAttributes(OtlpTestRequests.kv("service.name", OtlpTestRequests.string("checkout")))
                    .addAttributes(OtlpTestRequests.kv("process.pid", OtlpTestRequests.integer(4242))))
                .setSchemaUrl("https://opentelemetry.io/schemas/1.26.0")
                .addScopeLogs(ScopeLogs.newBuilder()
                    .setScope(InstrumentationScope.newBuilder().setName("lib").setVersion("2")
                        .addAttributes(OtlpTestRequests.kv("s", AnyValue.newBuilder().setBoolValue(false).build())))
                    .addLogRecords(everyShapeRecord())))
            .build();
        assertEquals(expected, OtlpJsonRequestReader.read(EVERY_SHAPE.getBytes(StandardCharsets.UTF_8)));
    }

    private static LogRecord everyShapeRecord() {
        return LogRecord.newBuilder()
            .setTimeUnixNano(1700000000123456789L).setObservedTimeUnixNano(1700000000200000000L)
            .setSeverityNumberValue(13).setSeverityText("WARN").setFlags(257).setEventName("ev")
            .setTraceId(ByteString.copyFrom(OtlpTestRequests.TRACE_ID))
            .setSpanId(ByteString.copyFrom(OtlpTestRequests.SPAN_ID))
            .setBody(AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
                .addValues(OtlpTestRequests.kv("k", AnyValue.newBuilder().setDoubleValue(Double.NaN).build()))))
            .addAttributes(OtlpTestRequests.kv("big", OtlpTestRequests.integer(Long.MIN_VALUE)))
            .addAttributes(OtlpTestRequests.kv("num", OtlpTestRequests.integer(7)))
            .addAttributes(OtlpTestRequests.kv("d", AnyValue.newBuilder().setDoubleValue(1.5).build()))
            .addAttributes(OtlpTestRequests.kv("inf",
                AnyValue.newBuilder().setDoubleValue(Double.NEGATIVE_INFINITY).build()))
            .addAttributes(OtlpTestRequests.kv("b64", bytes(1, 2, 3, 0xff)))
            .addAttributes(OtlpTestRequests.kv("b64url", bytes(1, 2, 3, 0xff)))
            .addAttributes(OtlpTestRequests.kv("arr", AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
                .addValues(OtlpTestRequests.integer(1))
                .addValues(AnyValue.newBuilder().setArrayValue(ArrayValue.getDefaultInstance()))).build()))
            .addAttributes(OtlpTestRequests.kv("empty", AnyValue.getDefaultInstance()))
            .addAttributes(io.opentelemetry.proto.common.v1.KeyValue.newBuilder().setKey("nokey"))
            .setDroppedAttributesCount(3)
            .build();
    }

    private static AnyValue bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(b)).build();
    }

    @Test
    void shouldStoreTheSameEventsWhicheverEncodingCarriedTheRecords() throws IOException {
        ExportLogsServiceRequest parsed = OtlpJsonRequestReader.read(EVERY_SHAPE.getBytes(StandardCharsets.UTF_8));
        LogEvent fromJson = protocol.decode(json(EVERY_SHAPE)).events().get(0);
        LogEvent fromProtobuf = protocol.decode(OtlpTestRequests.protobuf(parsed)).events().get(0);
        assertArrayEquals(Arrays.copyOf(fromProtobuf.raw(), fromProtobuf.rawLength()),
            Arrays.copyOf(fromJson.raw(), fromJson.rawLength()));
        assertEquals(fromProtobuf.toString(), fromJson.toString());
        assertEquals("{\"k\":\"NaN\"}", fromJson.fieldAsString(Field.MESSAGE));
        assertEquals("4242", fromJson.fieldAsString(Field.PROC_ID));
        assertEquals(Severity.WARNING.code(), fromJson.severity());
    }

    @Test
    void shouldIgnoreUnknownKeysAndTheOriginalSnakeCaseNames() {
        String body = """
            {"resourceLogs":[{"futureField":{"x":1},"scopeLogs":[{"logRecords":[
              {"time_unix_nano":"5","severity_text":"error","body":{"stringValue":"kept"},"newThing":[1,2]}]}]}],
             "resource_logs":[{"scope_logs":[{"log_records":[{"body":{"stringValue":"ignored"}}]}]}]}""";
        List<LogEvent> events = protocol.decode(json(body)).events();
        assertEquals(1, events.size(), "snake_case keys are unknown fields in OTLP/JSON");
        LogEvent e = events.get(0);
        assertEquals("kept", e.fieldAsString(Field.MESSAGE));
        assertEquals(LogEvent.NO_TIMESTAMP, e.timestampNanos());
        assertEquals(Severity.UNKNOWN, e.severity());
        assertFalse(e.has(Field.ATTRIBUTES));
    }

    @Test
    void shouldTreatIdsThatAreNotHexOrOfTheWrongLengthAsAbsent() {
        String body = """
            {"resourceLogs":[{"scopeLogs":[{"logRecords":[
              {"traceId":"not-hex-not-hex-not-hex-not-hex!","spanId":"ABC"},
              {"traceId":"W47/95gDgQPSabYzgT/GDA==","spanId":"0000000000000000"},
              {"traceId":"5b8efff798038103","spanId":"eee19b7ec3c1b174"}]}]}]}""";
        List<LogEvent> events = protocol.decode(json(body)).events();
        assertEquals(3, events.size());
        assertFalse(events.get(0).has(Field.ATTRIBUTES));
        assertFalse(events.get(1).has(Field.ATTRIBUTES), "base64 (protobuf's default) is not OTLP's hex");
        assertAttributes("{\"spanId\":\"eee19b7ec3c1b174\"}", events.get(2));
    }

    @Test
    void shouldReadATimestampBeyondSignedRangeAsUnsetAndFallBackToObservedTime() {
        String body = """
            {"resourceLogs":[{"scopeLogs":[{"logRecords":[
              {"timeUnixNano":"18446744073709551615","observedTimeUnixNano":"1544712660300000000"}]}]}]}""";
        assertEquals(1544712660300000000L, protocol.decode(json(body)).events().get(0).timestampNanos());
    }

    @Test
    void shouldAcceptAnEmptyObjectAsAnEmptyRequest() {
        assertTrue(protocol.decode(json("{}")).events().isEmpty());
        assertTrue(protocol.decode(json("{\"resourceLogs\":[]}")).events().isEmpty());
    }
}
