package io.sluice.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.core.Field;
import io.sluice.core.LogEvent;
import io.sluice.ingest.syslog.StructuredData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Renders a stored event as one JSON object: the shape {@code sluice replay} prints and the API returns. This is the
 * edge where bytes become Strings, so it may allocate.
 *
 * <pre>
 * {"seq":42,"receivedAt":"2026-11-23T10:00:00.123456789Z","transport":"tcp","peer":"127.0.0.1:40000",
 *  "format":"rfc5424","facility":4,"severity":2,"timestamp":"2003-10-11T22:14:15.003Z","hostname":"host",
 *  "appName":"su","procId":null,"msgId":"ID47","structuredData":{"origin":{"ip":"1.2.3.4"}},"message":"..."}
 * </pre>
 * Absent fields (NILVALUE) are {@code null}; facility and severity are {@code null} for a raw line without PRI.
 * Events from HTTP sources (NDJSON, bulk, OTLP) add {@code "attributes":{...}}: the keys that are not well-known
 * fields (OTLP: resource, scope and record attributes, trace context).
 * A cut (oversized) frame adds {@code "truncated":true,"originalLength":N}.
 */
public final class EventJsonWriter {
    private EventJsonWriter() {
    }

    public static void write(LogEvent e, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeNumberField("seq", e.sequence());
        json.writeStringField("receivedAt", instant(e.receivedAtNanos()).toString());
        json.writeStringField("transport", e.transport().label());
        json.writeStringField("peer", new String(e.peer(), 0, e.peerLength(), StandardCharsets.US_ASCII));
        json.writeStringField("format", e.format().label());
        numberOrNull(json, "facility", e.facility());
        numberOrNull(json, "severity", e.severity());
        json.writeStringField("timestamp", timestamp(e));
        json.writeStringField("hostname", e.fieldAsString(Field.HOSTNAME));
        json.writeStringField("appName", e.fieldAsString(Field.APP_NAME));
        json.writeStringField("procId", e.fieldAsString(Field.PROC_ID));
        json.writeStringField("msgId", e.fieldAsString(Field.MSG_ID));
        writeStructuredData(e, json);
        json.writeStringField("message", e.fieldAsString(Field.MESSAGE));
        if (e.has(Field.ATTRIBUTES)) {
            // already a JSON object (written by the HTTP sources): embedded as is, not re-encoded as a string
            json.writeFieldName("attributes");
            json.writeRawValue(e.fieldAsString(Field.ATTRIBUTES));
        }
        if (e.isTruncated()) {
            json.writeBooleanField("truncated", true);
            json.writeNumberField("originalLength", e.originalLength());
        }
        json.writeEndObject();
    }

    /** The header timestamp as ISO-8601 with the offset the sender wrote (UTC for zone-less BSD dates), or null. */
    public static String timestamp(LogEvent e) {
        if (e.timestampNanos() == LogEvent.NO_TIMESTAMP) {
            return null;
        }
        Instant instant = instant(e.timestampNanos());
        int offset = e.timestampOffsetSeconds();
        if (offset == LogEvent.NO_OFFSET || offset == 0) {
            return instant.toString();
        }
        return OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(offset)).toString();
    }

    public static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
            Math.floorMod(epochNanos, 1_000_000_000L));
    }

    private static void writeStructuredData(LogEvent e, JsonGenerator json) throws IOException {
        json.writeFieldName("structuredData");
        if (!e.has(Field.STRUCTURED_DATA)) {
            json.writeNull();
            return;
        }
        Map<String, Map<String, String>> elements = StructuredData.parse(e.raw(), e.spanOffset(Field.STRUCTURED_DATA),
            e.spanLength(Field.STRUCTURED_DATA));
        json.writeStartObject();
        for (Map.Entry<String, Map<String, String>> element : elements.entrySet()) {
            json.writeObjectFieldStart(element.getKey());
            for (Map.Entry<String, String> param : element.getValue().entrySet()) {
                json.writeStringField(param.getKey(), param.getValue());
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void numberOrNull(JsonGenerator json, String name, int value) throws IOException {
        if (value < 0) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }
}
