package io.sluice.ingest.otlp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.resource.v1.Resource;
import io.sluice.core.Format;
import io.sluice.core.LogEvent;
import io.sluice.core.Severity;
import io.sluice.ingest.http.EventDraft;
import io.sluice.ingest.http.SeverityNames;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;

/**
 * Turns OTLP log records into {@link EventDraft}s, the same way for both encodings:
 *
 * <ul>
 *   <li>message: the body, a string as it is, any other value as its JSON text;</li>
 *   <li>severity: {@code severityNumber} (1..24) mapped to syslog, else {@code severityText} read as a level word;</li>
 *   <li>timestamp: {@code timeUnixNano}, else {@code observedTimeUnixNano}, in UTC (offset 0);</li>
 *   <li>hostname, app name, proc id: the resource attributes {@code host.name}, {@code service.name},
 *       {@code process.pid};</li>
 *   <li>attributes: one JSON object, {@code {"resource": {..}, "scope": {"name", "version", "attributes"},
 *       "attributes": {..}, "traceId", "spanId", "severityText", "flags", "eventName"}}, empty parts left out;
 *       ids in lower-case hex, only when valid (logs.proto: a wrong-length or all-zero id means "no trace").</li>
 * </ul>
 *
 * <p>Call {@link #onResource} and {@link #onScope} as the request's tree is walked, then {@link #map} per record:
 * the resource and scope JSON are rendered once and reused for each of their records. Not thread-safe: one per
 * decode call.
 */
final class LogRecordMapper {
    private static final int TRACE_ID_BYTES = 16;
    private static final int SPAN_ID_BYTES = 8;

    private final EventDraft draft = new EventDraft();
    private String hostname;
    private String appName;
    private String procId;
    private String resourceJson;
    private String scopeJson;

    void onResource(Resource resource) {
        List<KeyValue> attributes = resource.getAttributesList();
        hostname = attribute(attributes, "host.name");
        appName = attribute(attributes, "service.name");
        procId = attribute(attributes, "process.pid");
        resourceJson = attributes.isEmpty() ? null
            : AnyValueJson.render(json -> AnyValueJson.writeObject(json, attributes));
    }

    void onScope(InstrumentationScope scope) {
        boolean empty = scope.getName().isEmpty() && scope.getVersion().isEmpty() && scope.getAttributesCount() == 0;
        scopeJson = empty ? null : AnyValueJson.render(json -> {
            json.writeStartObject();
            writeIfSet(json, "name", scope.getName());
            writeIfSet(json, "version", scope.getVersion());
            if (scope.getAttributesCount() > 0) {
                json.writeFieldName("attributes");
                AnyValueJson.writeObject(json, scope.getAttributesList());
            }
            json.writeEndObject();
        });
    }

    /** The record as a draft, valid until the next call. */
    EventDraft map(LogRecord record) {
        int severity = SeverityNames.ofOtelNumber(record.getSeverityNumberValue());
        if (severity == Severity.UNKNOWN) {
            severity = SeverityNames.ofLevel(record.getSeverityText());
        }
        // fixed64 above 2^63-1 would be after year 2262: read as "not set" like 0
        long nanos = record.getTimeUnixNano() > 0 ? record.getTimeUnixNano()
            : record.getObservedTimeUnixNano() > 0 ? record.getObservedTimeUnixNano() : LogEvent.NO_TIMESTAMP;
        return draft.clear()
            .format(Format.OTLP)
            .message(record.hasBody() ? AnyValueJson.text(record.getBody()) : null)
            .severity(severity)
            .timestamp(nanos, nanos == LogEvent.NO_TIMESTAMP ? LogEvent.NO_OFFSET : 0)
            .hostname(hostname)
            .appName(appName)
            .procId(procId)
            .attributesJson(attributesJson(record));
    }

    private String attributesJson(LogRecord record) {
        String traceId = validId(record.getTraceId(), TRACE_ID_BYTES);
        String spanId = validId(record.getSpanId(), SPAN_ID_BYTES);
        if (resourceJson == null && scopeJson == null && record.getAttributesCount() == 0 && traceId == null
            && spanId == null && record.getSeverityText().isEmpty() && record.getFlags() == 0
            && record.getEventName().isEmpty()) {
            return null;
        }
        return AnyValueJson.render(json -> {
            json.writeStartObject();
            writeRawIfSet(json, "resource", resourceJson);
            writeRawIfSet(json, "scope", scopeJson);
            if (record.getAttributesCount() > 0) {
                json.writeFieldName("attributes");
                AnyValueJson.writeObject(json, record.getAttributesList());
            }
            writeIfSet(json, "traceId", traceId);
            writeIfSet(json, "spanId", spanId);
            writeIfSet(json, "severityText", record.getSeverityText());
            if (record.getFlags() != 0) {
                json.writeNumberField("flags", Integer.toUnsignedLong(record.getFlags()));
            }
            writeIfSet(json, "eventName", record.getEventName());
            json.writeEndObject();
        });
    }

    /** First attribute named {@code key} as text (a pid sent as int becomes "1234"), or null. */
    private static String attribute(List<KeyValue> attributes, String key) {
        for (KeyValue kv : attributes) {
            if (kv.getKey().equals(key)) {
                return AnyValueJson.text(kv.getValue());
            }
        }
        return null;
    }

    private static String validId(ByteString id, int length) {
        if (id.size() != length) {
            return null;
        }
        for (int i = 0; i < length; i++) {
            if (id.byteAt(i) != 0) {
                return HexFormat.of().formatHex(id.toByteArray());
            }
        }
        return null; // all zeroes: invalid
    }

    private static void writeIfSet(JsonGenerator json, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            json.writeStringField(name, value);
        }
    }

    private static void writeRawIfSet(JsonGenerator json, String name, String renderedJson) throws IOException {
        if (renderedJson != null) {
            json.writeFieldName(name);
            json.writeRawValue(renderedJson);
        }
    }

}
