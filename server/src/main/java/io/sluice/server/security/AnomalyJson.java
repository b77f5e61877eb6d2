package io.sluice.server.security;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.analyzers.security.Anomaly;
import io.sluice.server.alerts.RecordBytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * The one JSON shape of an anomaly version, used by the feed, the SSE stream and {@code replay --queue anomalies}:
 *
 * <pre>
 * {"id":7,"version":12,"detector":"brute_force","severity":"P2","subjectType":"ip","subject":"203.0.113.9",
 *  "firstSeen":"2026-11-23T10:00:00Z","lastSeen":"2026-11-23T10:00:41Z","count":6,"evidence":[101,102,107],
 *  "samples":["Failed password for root from 203.0.113.9 port 4242 ssh2"],"details":{"service":"sshd"},
 *  "state":"open"}
 * </pre>
 * {@code version} is the store-wide version sequence (the SSE event id); replay lines add {@code recordedAt}.
 * Absent instants are {@code null}.
 *
 * <p>Thread contract: stateless; safe from any thread.
 */
final class AnomalyJson {
    static final JsonFactory FACTORY = new JsonFactory();

    private AnomalyJson() {
    }

    /** Writes the anomaly as one object; {@code withRecordedAt} adds when the store received it. */
    static void write(AnomalyRecord record, boolean withRecordedAt, JsonGenerator json) throws IOException {
        json.writeStartObject();
        writeFields(record, json);
        if (withRecordedAt) {
            json.writeStringField("recordedAt", RecordBytes.instant(record.recordedAtNanos()).toString());
        }
        json.writeEndObject();
    }

    /** Writes the anomaly's fields into an object the caller opened (and may add to). */
    static void writeFields(AnomalyRecord record, JsonGenerator json) throws IOException {
        Anomaly a = record.anomaly();
        json.writeNumberField("id", a.id());
        json.writeNumberField("version", record.version());
        json.writeStringField("detector", a.detector());
        json.writeStringField("severity", a.severity());
        json.writeStringField("subjectType", a.subjectType());
        json.writeStringField("subject", a.subject());
        json.writeStringField("firstSeen", text(a.firstSeen()));
        json.writeStringField("lastSeen", text(a.lastSeen()));
        json.writeNumberField("count", a.count());
        json.writeArrayFieldStart("evidence");
        for (long seq : a.evidence()) {
            json.writeNumber(seq);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("samples");
        for (String sample : a.samples()) {
            json.writeString(sample);
        }
        json.writeEndArray();
        json.writeObjectFieldStart("details");
        for (Map.Entry<String, String> e : a.details().entrySet()) {
            json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
        json.writeStringField("state", a.open() ? "open" : "closed");
    }

    /** The anomaly as one compact JSON text (the SSE {@code data:} line: JSON never holds a raw newline). */
    static String text(AnomalyRecord record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            write(record, false, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
