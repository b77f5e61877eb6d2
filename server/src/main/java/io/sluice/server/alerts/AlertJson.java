package io.sluice.server.alerts;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sluice.alerts.Alert;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * JSON pieces shared by the Alertmanager and webhook payloads and by {@code sluice replay --queue alerts}.
 *
 * <p>Thread contract: stateless; safe from any thread.
 */
final class AlertJson {
    /** Go's zero time: what Alertmanager webhooks put in {@code endsAt} while an alert fires. */
    static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private AlertJson() {
    }

    static void writeMap(JsonGenerator json, String field, Map<String, String> map) throws IOException {
        json.writeObjectFieldStart(field);
        if (map != null) {
            for (Map.Entry<String, String> e : map.entrySet()) {
                json.writeStringField(e.getKey(), e.getValue());
            }
        }
        json.writeEndObject();
    }

    /** Writes {@code field: RFC 3339 time}, or nothing for a null instant. */
    static void writeTime(JsonGenerator json, String field, Instant instant) throws IOException {
        if (instant != null) {
            json.writeStringField(field, instant.toString());
        }
    }

    /** When the alert started as far as receivers care: firing time, else pending-since, else when recorded. */
    static Instant startsAt(AlertRecord record) {
        Alert alert = record.alert();
        if (alert.firedAt() != null) {
            return alert.firedAt();
        }
        return alert.activeSince() != null ? alert.activeSince() : RecordBytes.instant(record.recordedAtNanos());
    }

    /** When a resolved alert ended: its resolve time, else when it was recorded. */
    static Instant endsAt(AlertRecord record) {
        Alert alert = record.alert();
        return alert.resolvedAt() != null ? alert.resolvedAt() : RecordBytes.instant(record.recordedAtNanos());
    }

    /** Links back to Sluice's alert list for this rule. */
    static String generatorUrl(URI externalUrl, Alert alert) {
        String base = externalUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/api/alerts?rule=" + URLEncoder.encode(alert.rule(), StandardCharsets.UTF_8);
    }

    /** One history line for {@code sluice replay --queue alerts}. */
    static void writeHistory(AlertRecord record, JsonGenerator json) throws IOException {
        Alert alert = record.alert();
        json.writeStartObject();
        writeTime(json, "recordedAt", RecordBytes.instant(record.recordedAtNanos()));
        json.writeStringField("rule", alert.rule());
        json.writeStringField("fingerprint", alert.fingerprint());
        json.writeStringField("state", alert.state().name().toLowerCase(java.util.Locale.ROOT));
        json.writeStringField("severity", alert.severity());
        if (Double.isFinite(alert.value())) {
            json.writeNumberField("value", alert.value());
        } else {
            json.writeStringField("value", Double.toString(alert.value()));
        }
        writeMap(json, "labels", alert.labels());
        writeMap(json, "annotations", alert.annotations());
        writeTime(json, "activeSince", alert.activeSince());
        writeTime(json, "firedAt", alert.firedAt());
        writeTime(json, "resolvedAt", alert.resolvedAt());
        json.writeEndObject();
    }
}
